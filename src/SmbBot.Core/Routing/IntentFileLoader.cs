using System.Text;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;

namespace SmbBot.Core.Routing;

/// <summary>
/// Reads <c>intents/&lt;intent&gt;.txt</c>: one training utterance per line; blank lines and lines starting with
/// <c>#</c> are ignored. The file name is the intent and must be one the bot knows how to act on.
/// </summary>
public static class IntentFileLoader
{
    /// <summary>Fewest examples an intent file must have for the classifier to learn it.</summary>
    public const int MinExamples = 5;

    /// <summary>Reads one intent file; what cannot be used is left out and added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<IntentExample> Load(string path, string displayName, List<KnowledgeProblem> problems)
    {
        var intent = Path.GetFileNameWithoutExtension(path).ToLowerInvariant();
        if (!Intents.Trainable.Contains(intent))
        {
            problems.Add(new KnowledgeProblem(displayName, 0,
                $"'{intent}' is not an intent the bot acts on; name the file after one of: {string.Join(", ", Intents.Trainable)}; file left out"));
            return [];
        }
        var examples = Parse(intent, File.ReadAllLines(path, Encoding.UTF8), displayName, problems);
        if (examples.Count < MinExamples && intent != Intents.Faq)
        {
            problems.Add(new KnowledgeProblem(displayName, 0,
                $"'{intent}' has {examples.Count} examples; at least {MinExamples} are needed to learn it; file left out"));
            return [];
        }
        return examples;
    }

    /// <summary>The examples in <paramref name="lines"/>: one per line, blank lines and <c>#</c> comments skipped.</summary>
    public static List<IntentExample> Parse(string intent, IReadOnlyList<string> lines, string displayName, List<KnowledgeProblem> problems)
    {
        var examples = new List<IntentExample>();
        for (int i = 0; i < lines.Count; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            if (text.Length > FaqRules.MaxQuestionLength)
            {
                problems.Add(new KnowledgeProblem(displayName, i + 1,
                    $"the example has {text.Length} characters; at most {FaqRules.MaxQuestionLength} are allowed; example left out"));
                continue;
            }
            examples.Add(new IntentExample(intent, text));
        }
        return examples;
    }
}
