using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Faq;

/// <summary>
/// Reads <c>faq/*.csv</c> and <c>faq/*.tsv</c> as spreadsheets and Q&amp;A tools export them: a header naming the
/// columns (<c>question</c> and <c>answer</c> at least; <c>id</c>, <c>alternates</c> separated by <c>|</c> or line
/// breaks, <c>category</c> optional, under the names exports use), <c>,</c>, <c>;</c> or tab separated. In a Q&amp;A
/// export (a <c>Source</c> or <c>Metadata</c> column), rows without an id that share an answer are one entry with
/// several questions, as in a Microsoft QnA Maker / Custom Question Answering export (<c>Question, Answer, Source, Metadata</c>, metadata <c>category:billing</c>). Entries without an
/// id get one made from their question.
/// </summary>
public static class FaqCsvLoader
{
    /// <summary>Reads the entries of one file; unusable rows are left out and added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<FaqEntry> Load(string path, string displayName, List<KnowledgeProblem> problems)
    {
        char? separator = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : null;
        if (CsvTable.ReadTable(path, displayName, problems, separator) is not { } table) return [];
        var index = FaqColumns.Resolve(table.Header);
        if (!index.ContainsKey("question") || !index.ContainsKey("answer"))
        {
            problems.Add(new KnowledgeProblem(displayName, 1,
                $"the header must name a question column and an answer column (found: {string.Join(", ", table.Header)})"));
            return [];
        }

        // A Q&A export lists each question of an entry on its own row with the entry's answer; a plain spreadsheet's
        // rows are separate entries even when two answers read the same ("No.").
        bool qnaExport = index.ContainsKey("metadata") || index.ContainsKey("source");
        var drafts = new List<FaqDraft>();
        var byAnswer = new Dictionary<string, FaqDraft>();
        foreach (var row in table.Rows)
        {
            string Get(string part) => index.TryGetValue(part, out var i) ? Unescape(row.Fields[i].Trim()) : "";
            var question = Get("question");
            var answer = Get("answer");
            if (question.Length == 0 || answer.Length == 0)
            {
                problems.Add(new KnowledgeProblem(displayName, row.Line, question.Length == 0 ? "the row has no question; row left out" : $"'{question}' has no answer; row left out"));
                continue;
            }
            var id = Get("id");
            var alternates = Get("alternates").Split(['|', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var category = Get("category") is { Length: > 0 } c ? c : Category(Get("metadata"));
            var answerKey = TextNormalizer.Key(answer);
            if (id.Length == 0 && qnaExport && byAnswer.TryGetValue(answerKey, out var same))
            {
                same.Alternates.Add(question);
                same.Alternates.AddRange(alternates);
                continue;
            }
            var draft = new FaqDraft(id, question, answer, [.. alternates], category, row.Line);
            drafts.Add(draft);
            if (id.Length == 0) byAnswer[answerKey] = draft;
        }
        return drafts
            .Select(d => FaqRules.Check(new FaqEntry(d.Id, d.Question, d.Answer, d.Alternates, d.Category, $"{displayName} line {d.Line}"), displayName, d.Line, problems))
            .OfType<FaqEntry>()
            .ToArray();
    }

    /// <summary>The <c>category</c> of QnA Maker metadata such as <c>category:billing|audience:staff</c>.</summary>
    private static string Category(string metadata) => metadata
        .Split(['|', ','], StringSplitOptions.TrimEntries)
        .Select(pair => pair.Split(':', 2, StringSplitOptions.TrimEntries))
        .FirstOrDefault(kv => kv.Length == 2 && kv[0].Equals("category", StringComparison.OrdinalIgnoreCase))?[1] ?? "";

    /// <summary>Q&amp;A exports write line breaks inside an answer as <c>\n</c>.</summary>
    private static string Unescape(string text) => text.Contains("\\n") ? text.Replace("\\r\\n", "\n").Replace("\\n", "\n") : text;

    private sealed record FaqDraft(string Id, string Question, string Answer, List<string> Alternates, string Category, int Line);
}
