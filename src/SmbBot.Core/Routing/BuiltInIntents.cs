using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Routing;

/// <summary>
/// The intents every business needs, shipped with the product (<c>Routing/BuiltInIntents/*.txt</c>, embedded): asking
/// for a person, complaints, the customer's own records, emergencies, small talk and off-topic chatter, written in
/// general terms across trades. A business's own <c>intents/*.txt</c> add examples to them.
/// </summary>
public static class BuiltInIntents
{
    private const string Prefix = "BuiltInIntents/";

    /// <summary>The built-in examples, and the text they were read from (for the knowledge hash).</summary>
    public static (IReadOnlyList<IntentExample> Examples, string Text) Load()
    {
        var assembly = typeof(BuiltInIntents).Assembly;
        var examples = new List<IntentExample>();
        var text = new System.Text.StringBuilder();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            var content = reader.ReadToEnd();
            text.Append(name).Append('\n').Append(content);
            var intent = Path.GetFileNameWithoutExtension(name[Prefix.Length..]);
            examples.AddRange(IntentFileLoader.Parse(intent, content.Split('\n'), "built-in " + intent, []));
        }
        return (examples, text.ToString());
    }
}
