namespace SmbBot.Core.Routing;

/// <summary>
/// Short messages that do not stand on their own ("and on Sundays?", "how much is that?", "what about kids?") are read
/// with the previous turn's topic, and only answered when the two together are a clear FAQ match.
/// </summary>
public static class FollowUpPolicy
{
    /// <summary>Longest message, in words, that can lean on the previous one.</summary>
    public const int MaxWords = 8;

    private static readonly string[] Openings = ["and ", "what about ", "how about ", "same for ", "also ", "but ", "or ", "is it the same"];

    private static readonly HashSet<string> Pointers = new(StringComparer.Ordinal) { "that", "it", "this", "those", "these", "them", "they" };

    /// <summary>Words that ask about the topic without naming anything new ("how much is that", "how long does it take").</summary>
    private static readonly HashSet<string> Asking = new(StringComparer.Ordinal)
    {
        "and", "what", "about", "how", "same", "for", "also", "but", "or", "is", "it", "the", "that", "this", "those",
        "these", "them", "they", "much", "many", "long", "does", "do", "take", "takes", "cost", "costs", "price", "a", "an",
        "on", "in", "of", "to", "at", "too", "then", "there", "can", "i", "you", "me", "my", "we", "be", "will", "would",
        "please", "ok", "okay", "so", "still", "when", "where", "which", "who", "why", "are", "was",
    };

    /// <summary>
    /// True when <paramref name="text"/> needs the previous topic: short, opening like a continuation or pointing back
    /// ("that", "it"), and not settled on its own (<paramref name="own"/> is no answer, hand-over or small talk).
    /// </summary>
    public static bool DoesNotStandAlone(string text, TurnDecision own)
    {
        if (own.Route is Route.Faq or Route.Escalate or Route.SmallTalk) return false;
        var words = Languages.EnglishWords.Words(text).ToList();
        if (words.Count == 0 || words.Count > MaxWords) return false;
        var start = string.Join(' ', words) + " ";
        return Openings.Any(o => start.StartsWith(o, StringComparison.Ordinal)) || words.Any(Pointers.Contains);
    }

    /// <summary>
    /// The decision for a follow-up: <paramref name="combined"/> (the previous topic and the message read together) when
    /// it answers or asks about FAQ entries; otherwise the message's <paramref name="own"/> decision.
    /// </summary>
    public static TurnDecision Choose(string text, TurnDecision own, TurnDecision combined, FollowUpTopic topic)
    {
        var from = topic.FaqId is { } id ? $"the previous answer ({id})" : "the previous message";
        // Read together, the previous question's words weigh most: the same entry again is right only when the
        // follow-up names nothing that entry does not speak of ("and on Sundays?" after the opening hours, not "what
        // about kids?" after the student discount).
        if (combined is { Route: Route.Faq, Answer: { } again } && again.FaqId == topic.FaqId && !Covers(again, text))
            return own with { Reason = $"{own.Reason}; read with {from} it only finds that answer again, which says nothing of this" };
        return combined.Route switch
        {
            Route.Faq => combined with { FollowUpOf = from, Reason = $"follow-up read with {from}: {combined.Reason}" },
            Route.Clarify => combined with { FollowUpOf = from, Reason = $"follow-up read with {from}: {combined.Reason}" },
            _ => own with { Reason = $"{own.Reason}; read with {from} it is no clearer" },
        };
    }

    /// <summary>True when every word of <paramref name="text"/> that names something appears in the entry (by its first five letters).</summary>
    private static bool Covers(FaqCandidate entry, string text)
    {
        var entryWords = Languages.EnglishWords.Words($"{entry.Question} {entry.AnswerText}").Select(Stem).ToHashSet(StringComparer.Ordinal);
        return Languages.EnglishWords.Words(text).Where(w => !Asking.Contains(w)).All(w => entryWords.Contains(Stem(w)));
    }

    private static string Stem(string word) => word.Length > 5 ? word[..5] : word.TrimEnd('s');
}
