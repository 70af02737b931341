namespace SmbBot.Core.Faq;

/// <summary>One question the business answers, with the other ways customers ask it.</summary>
/// <param name="Id">The business's own identifier; every reply and ticket refers to the entry by it.</param>
/// <param name="Source">The file and line the entry came from, for error messages and logs.</param>
/// <param name="IdMadeUp">The file gave no id; <see cref="Id"/> was made from the question.</param>
public sealed record FaqEntry(
    string Id,
    string Question,
    string Answer,
    IReadOnlyList<string> Alternates,
    string Category,
    string Source,
    bool IdMadeUp = false)
{
    /// <summary>The question followed by its alternates: every phrasing the bot learns from.</summary>
    public IEnumerable<string> Phrasings => Alternates.Prepend(Question);
}
