using System.Text;

namespace SmbBot.Understanding.Evaluation;

/// <summary>A knowledge folder made from labelled sentences as a business would write its FAQ: one entry per intent.</summary>
public static class Hint3Knowledge
{
    /// <summary>
    /// Writes <c>faq/intents.csv</c> under <paramref name="root"/>: per intent, its first sentence as the question,
    /// the others as alternates and a neutral answer that names nothing (the dataset has no answers). Returns each
    /// entry's question with its intent.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Write(string root, IEnumerable<(string Text, string Label)> sentences)
    {
        var faq = Directory.CreateDirectory(Path.Combine(root, "faq")).FullName;
        var csv = new StringBuilder("id,question,alternates,answer\n");
        var n = 0;
        var intentOf = new Dictionary<string, string>();
        foreach (var intent in sentences.GroupBy(s => s.Label))
        {
            var texts = intent.Select(s => s.Text.Replace('|', '/').Trim()).Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            if (texts.Length == 0) continue;
            intentOf[texts[0]] = intent.Key;
            csv.Append(Quote(intent.Key)).Append(',').Append(Quote(texts[0])).Append(',')
               .Append(Quote(string.Join(" | ", texts.Skip(1)))).Append(',').Append(Quote($"Answer number {++n}.")).Append('\n');
        }
        File.WriteAllText(Path.Combine(faq, "intents.csv"), csv.ToString());
        return intentOf;
    }

    private static string Quote(string field) => "\"" + field.Replace("\r", " ").Replace("\n", " ").Replace("\"", "\"\"") + "\"";
}
