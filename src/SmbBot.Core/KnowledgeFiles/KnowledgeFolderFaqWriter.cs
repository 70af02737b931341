using System.Text;
using SmbBot.Core.Faq;

namespace SmbBot.Core.KnowledgeFiles;

/// <summary>
/// Writes FAQ additions into the knowledge folder, in the files' own formats: alternates into the entry's line of its
/// <c>.csv</c>/<c>.tsv</c> file or its <c>alternates:</c> line in a <c>.md</c> file; new entries at the end of
/// <c>faq/from-unanswered.md</c>. Only the changed line is rewritten; every other line stays as it was.
/// </summary>
public sealed class KnowledgeFolderFaqWriter(string knowledgeRoot) : IFaqDraftWriter
{
    /// <summary>The file new entries go to.</summary>
    public const string NewEntriesFile = "from-unanswered.md";

    private static readonly Lock Gate = new();

    /// <inheritdoc/>
    public string AddAlternates(string faqId, IReadOnlyList<string> phrasings)
    {
        lock (Gate)
        {
            var knowledge = KnowledgeBase.Load(knowledgeRoot);
            var entry = knowledge.Faq.FirstOrDefault(f => f.Id == faqId)
                ?? throw new KnowledgeFileException("faq", 0, $"there is no FAQ entry '{faqId}'");
            var added = phrasings.Select(Clean).Where(p => p.Length is > 0 and <= FaqRules.MaxQuestionLength)
                .Where(p => !entry.Phrasings.Contains(p, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var (path, line) = Where(entry);
            if (added.Length == 0) return $"{Display(path)} (nothing new to add)";
            var lines = File.ReadAllLines(path, Encoding.UTF8).ToList();
            if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) AddToMarkdown(lines, line, added);
            else AddToTable(path, lines, line, added);
            File.WriteAllLines(path, lines, new UTF8Encoding(false));
            return Display(path);
        }
    }

    /// <inheritdoc/>
    public string AddEntry(FaqEntry entry)
    {
        lock (Gate)
        {
            var problems = new List<KnowledgeProblem>();
            var question = Clean(entry.Question);
            var answer = entry.Answer.Replace("\r\n", "\n").Trim();
            if (answer.Split('\n').Any(l => l.StartsWith("## ", StringComparison.Ordinal)))
                throw new KnowledgeFileException(NewEntriesFile, 0, "a line of the answer starts with '## ', which would start a new entry");
            var id = entry.Id.Length > 0 ? entry.Id : FaqRules.IdFor(question);
            var known = KnowledgeBase.Load(knowledgeRoot).Faq.Select(f => f.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
            if (known.Contains(id)) throw new KnowledgeFileException(NewEntriesFile, 0, $"there is already an entry '{id}'");
            var alternates = entry.Alternates.Select(Clean).Where(a => a.Length > 0 && !a.Equals(question, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var checkedEntry = FaqRules.Check(entry with { Id = id, Question = question, Answer = answer, Alternates = alternates }, NewEntriesFile, 0, problems)
                ?? throw new KnowledgeFileException(NewEntriesFile, 0, problems[0].Reason);
            var path = Path.Combine(knowledgeRoot, "faq", NewEntriesFile);
            var text = new StringBuilder();
            if (!File.Exists(path)) text.Append("# Entries made from the unanswered inbox\n\nReview them like any other entry; the bot learns them at its next start.\n");
            text.Append($"\n## {checkedEntry.Question}\nid: {checkedEntry.Id}\n");
            if (alternates.Length > 0) text.Append($"alternates: {string.Join(" | ", alternates)}\n");
            if (checkedEntry.Category.Length > 0) text.Append($"category: {checkedEntry.Category}\n");
            text.Append($"\n{checkedEntry.Answer}\n");
            File.AppendAllText(path, text.ToString(), new UTF8Encoding(false));
            return Display(path);
        }
    }

    /// <summary>One line, no alternates separator: how a customer's message becomes a phrasing.</summary>
    private static string Clean(string text) =>
        string.Join(' ', text.Replace('|', '/').Split((char[])[' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    // The entry's Source is "<folder>/faq/<file> line <n>", relative to the knowledge folder's parent.
    private (string Path, int Line) Where(FaqEntry entry)
    {
        var at = entry.Source.LastIndexOf(" line ", StringComparison.Ordinal);
        var parent = Path.GetDirectoryName(Path.GetFullPath(knowledgeRoot).TrimEnd('/', '\\'))!;
        return (Path.Combine(parent, entry.Source[..at]), int.Parse(entry.Source[(at + 6)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    private string Display(string path) => Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(knowledgeRoot).TrimEnd('/', '\\'))!, path);

    private static void AddToMarkdown(List<string> lines, int heading, string[] added)
    {
        var index = heading - 1;
        for (var i = index + 1; i < lines.Count && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            var colon = lines[i].IndexOf(':');
            if (colon > 0 && lines[i][..colon].Trim() == "alternates")
            {
                var existing = lines[i][(colon + 1)..].Trim();
                lines[i] = $"alternates: {(existing.Length > 0 ? existing + " | " : "")}{string.Join(" | ", added)}";
                return;
            }
        }
        lines.Insert(index + 1, $"alternates: {string.Join(" | ", added)}");
    }

    private static void AddToTable(string path, List<string> lines, int line, string[] added)
    {
        var problems = new List<KnowledgeProblem>();
        var table = CsvTable.ReadTable(path, path, problems) ?? throw new KnowledgeFileException(path, 0, "the file has no header row");
        var column = FaqColumns.Resolve(table.Header);
        if (!column.TryGetValue("alternates", out var a))
            throw new KnowledgeFileException(path, 1, "the file has no alternates column; add one to the header first");
        var row = table.Rows.FirstOrDefault(r => r.Line == line) ?? throw new KnowledgeFileException(path, line, "the entry's row was not found");
        if (row.Fields.Any(f => f.Contains('\n')))
            throw new KnowledgeFileException(path, line, "the entry spans several lines; add the alternates in the file itself");
        var fields = row.Fields.ToArray();
        fields[a] = fields[a].Trim().Length > 0 ? $"{fields[a].Trim()}|{string.Join('|', added)}" : string.Join('|', added);
        lines[line - 1] = string.Join(table.Separator, fields.Select(f => Quote(f, table.Separator)));
    }

    private static string Quote(string field, char separator) =>
        field.IndexOfAny([separator, '"', '\r', '\n']) >= 0 || field != field.Trim() ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
