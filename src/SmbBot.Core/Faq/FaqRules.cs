using System.Text.RegularExpressions;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Faq;

/// <summary>What makes an FAQ entry usable, whichever file format it came from.</summary>
public static partial class FaqRules
{
    /// <summary>Longest question or alternate accepted.</summary>
    public const int MaxQuestionLength = 300;

    /// <summary>Longest answer accepted; a chat reply longer than this is a web page, not an answer.</summary>
    public const int MaxAnswerLength = 4000;

    /// <summary>Returns the entry with defaults applied, or throws naming the file and line.</summary>
    public static FaqEntry Validate(FaqEntry entry, string file, int line)
    {
        if (!IdPattern().IsMatch(entry.Id))
            throw new KnowledgeFileException(file, line,
                $"the id '{entry.Id}' must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");
        if (entry.Question.Length == 0)
            throw new KnowledgeFileException(file, line, $"the entry '{entry.Id}' has no question");
        if (entry.Answer.Length == 0)
            throw new KnowledgeFileException(file, line, $"the entry '{entry.Id}' has no answer");
        if (entry.Answer.Length > MaxAnswerLength)
            throw new KnowledgeFileException(file, line,
                $"the answer of '{entry.Id}' has {entry.Answer.Length} characters; at most {MaxAnswerLength} fit in a chat reply");
        foreach (var phrasing in entry.Phrasings)
        {
            if (phrasing.Length > MaxQuestionLength)
                throw new KnowledgeFileException(file, line,
                    $"a question of '{entry.Id}' has {phrasing.Length} characters; at most {MaxQuestionLength} are allowed");
        }
        var alternates = entry.Alternates
            .Where(a => !TextNormalizer.SameText(a, entry.Question))
            .DistinctBy(TextNormalizer.Key)
            .ToArray();
        var category = entry.Category.Length == 0 ? "general" : entry.Category;
        return entry with { Alternates = alternates, Category = category };
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();
}
