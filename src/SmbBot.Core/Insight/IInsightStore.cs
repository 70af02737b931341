namespace SmbBot.Core.Insight;

/// <summary>
/// The insight aggregates: one summary row per conversation, the counters of each day and of each week, moved together
/// so the dashboard reads one row per week of a long range. LiteDB (<see cref="LiteDbInsightStore"/>) or PostgreSQL.
/// </summary>
public interface IInsightStore
{
    /// <summary>
    /// Changes (or starts) the row of <paramref name="conversationId"/> and moves its day's and week's counters by the
    /// change in what it adds, all or nothing; two changes at once (in one process or on two hosts) lose no count.
    /// </summary>
    ConversationInsight Update(string conversationId, Func<ConversationInsight?, ConversationInsight> change,
        Func<ConversationInsight, Dictionary<string, long>> contribution);

    /// <summary>Ids of the user's other conversations with an answer since <paramref name="since"/>.</summary>
    IReadOnlyList<string> RecentlyAnswered(string userId, string exceptId, DateTime since);

    /// <summary>The day counters from <paramref name="from"/> to <paramref name="to"/> (local dates, inclusive), by day.</summary>
    IReadOnlyList<InsightDay> Days(DateOnly from, DateOnly to);

    /// <summary>
    /// The counters from <paramref name="from"/> to <paramref name="to"/> as day rows that add up to the same figures
    /// and trend as <see cref="Days"/>, read from the week rows for the weeks wholly inside the range.
    /// </summary>
    IReadOnlyList<InsightDay> RolledUp(DateOnly from, DateOnly to);

    /// <summary>The conversation rows counted on days <paramref name="from"/> to <paramref name="to"/>.</summary>
    IEnumerable<ConversationInsight> Conversations(DateOnly from, DateOnly to);

    /// <summary>Rows of these conversations or users (for a customer's data export and erasure).</summary>
    IReadOnlyList<ConversationInsight> Of(Privacy.PersonalDataSubject subject);

    /// <summary>Forgets who rows belong to: their ids and user ids go, their counts stay. Returns how many rows.</summary>
    int Anonymise(IEnumerable<string> ids);
}
