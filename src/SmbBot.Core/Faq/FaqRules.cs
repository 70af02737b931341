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

    /// <summary>
    /// Returns the entry with defaults applied (an id made from the question when it has none, category
    /// <c>general</c>), or null after adding to <paramref name="problems"/> why it cannot be used.
    /// </summary>
    public static FaqEntry? Check(FaqEntry entry, string file, int line, List<KnowledgeProblem> problems)
    {
        FaqEntry? Bad(string reason)
        {
            problems.Add(new KnowledgeProblem(file, line, reason + "; entry left out"));
            return null;
        }
        var id = entry.Id.Length == 0 ? IdFor(entry.Question) : entry.Id;
        var name = entry.Id.Length == 0 ? $"'{entry.Question}'" : $"'{entry.Id}'";
        if (!IdPattern().IsMatch(id))
            return Bad($"the id '{entry.Id}' must be 1-64 letters, digits, '-', '_' or '.', starting with a letter or digit");
        if (entry.Question.Length == 0) return Bad($"the entry {name} has no question");
        if (entry.Answer.Length == 0) return Bad($"the entry {name} has no answer");
        if (entry.Answer.Length > MaxAnswerLength)
            return Bad($"the answer of {name} has {entry.Answer.Length} characters; at most {MaxAnswerLength} fit in a chat reply");
        if (entry.Phrasings.FirstOrDefault(p => p.Length > MaxQuestionLength) is { } tooLong)
            return Bad($"a question of {name} has {tooLong.Length} characters; at most {MaxQuestionLength} are allowed");
        var alternates = entry.Alternates
            .Where(a => !TextNormalizer.SameText(a, entry.Question))
            .DistinctBy(TextNormalizer.Key)
            .ToArray();
        var category = entry.Category.Length == 0 ? "general" : entry.Category;
        return entry with { Id = id, Alternates = alternates, Category = category, IdMadeUp = entry.Id.Length == 0 };
    }

    /// <summary>An id made from a question: "What are your opening hours?" -> <c>what-are-your-opening-hours</c>.</summary>
    public static string IdFor(string question)
    {
        var slug = NonWord().Replace(TextNormalizer.Key(question), "-").Trim('-');
        if (slug.Length > 48) slug = slug[..48].TrimEnd('-');
        return slug.Length == 0 ? "entry" : slug;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
