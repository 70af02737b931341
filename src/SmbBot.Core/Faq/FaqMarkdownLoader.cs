using System.Text;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Faq;

/// <summary>
/// Reads <c>faq/*.md</c>: each entry starts with a <c>## question</c> heading, followed by optional <c>id:</c>,
/// <c>alternates:</c> (or <c>Also asked:</c>, <c>Other ways to ask:</c> and the like; separated by <c>|</c> or <c>;</c>,
/// or one line each) and <c>category:</c> lines, then the answer text. Text before the first
/// heading is ignored. An entry without an id gets one made from its question.
/// </summary>
public static class FaqMarkdownLoader
{
    /// <summary>Reads the entries of one file; <paramref name="displayName"/> is used in error messages.</summary>
    public static IReadOnlyList<FaqEntry> Load(string path, string displayName, List<KnowledgeProblem> problems)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        var entries = new List<FaqEntry?>();
        Draft? draft = null;
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (draft is not null) entries.Add(draft.Build(displayName, problems));
                draft = new Draft(line[3..].Trim(), i + 1);
                continue;
            }
            draft?.Add(line); // text before the first entry is an introduction for the people editing the file
        }
        if (draft is not null) entries.Add(draft.Build(displayName, problems));
        return entries.OfType<FaqEntry>().ToArray();
    }

    /// <summary>The labels of the lines between a question and its answer, as owners write them, by the part they give.</summary>
    private static readonly Dictionary<string, string> MetaLabels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id",
        ["category"] = "category",
        ["alternates"] = "alternates",
        ["alternate questions"] = "alternates",
        ["alternative questions"] = "alternates",
        ["also asked"] = "alternates",
        ["also asked as"] = "alternates",
        ["other questions"] = "alternates",
        ["similar questions"] = "alternates",
        ["other ways to ask"] = "alternates",
        ["variations"] = "alternates",
    };

    /// <summary>The part a line labelled <paramref name="label"/> gives ("Also asked" gives alternates), or null for answer text.</summary>
    private static string? MetaOf(string label) =>
        MetaLabels.GetValueOrDefault(string.Join(' ', label.Trim().TrimStart('*', '_').TrimEnd('*', '_').Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    private sealed class Draft(string question, int line)
    {
        private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
        private readonly StringBuilder _answer = new();

        public void Add(string text)
        {
            var colon = text.IndexOf(':');
            if (_answer.Length == 0 && colon > 0 && MetaOf(text[..colon]) is { } meta)
            {
                var value = text[(colon + 1)..].Trim().TrimStart('*', '_').Trim();
                // "Also asked:" may be written once per phrasing.
                _meta[meta] = meta == "alternates" && _meta.TryGetValue(meta, out var earlier) ? $"{earlier}|{value}" : value;
                return;
            }
            if (_answer.Length == 0 && text.Trim().Length == 0) return;
            _answer.AppendLine(text);
        }

        public FaqEntry? Build(string displayName, List<KnowledgeProblem> problems)
        {
            var id = _meta.GetValueOrDefault("id", "");
            var alternates = _meta.GetValueOrDefault("alternates", "")
                .Split(['|', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var entry = new FaqEntry(id, question, _answer.ToString().Trim(), alternates,
                _meta.GetValueOrDefault("category", ""), $"{displayName} line {line}");
            return FaqRules.Check(entry, displayName, line, problems);
        }
    }
}
