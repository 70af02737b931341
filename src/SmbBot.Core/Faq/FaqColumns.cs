using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Faq;

/// <summary>Which column of an FAQ spreadsheet or export holds which part of an entry, by the names exports use.</summary>
public static class FaqColumns
{
    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["id"] = ["id", "faq id", "key", "qna id", "qnaid", "entry id"],
        ["question"] = ["question", "questions", "q", "title", "faq", "question text", "prompt"],
        ["answer"] = ["answer", "answers", "a", "response", "reply", "answer text"],
        ["alternates"] = ["alternates", "alternate questions", "alternatives", "alternative questions", "also asked as",
            "variations", "paraphrases", "other questions", "similar questions", "synonyms", "alternate"],
        ["category"] = ["category", "topic", "section", "group", "subject", "tags", "tag"],
        ["metadata"] = ["metadata"],
        ["source"] = ["source"],
    };

    /// <summary>The column index of each part found in <paramref name="header"/>.</summary>
    public static Dictionary<string, int> Resolve(IReadOnlyList<string> header) => HeaderColumns.Resolve(header, Aliases).Index;
}
