using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Insight;

/// <summary>
/// Keeps the insight aggregates up to date as things happen: each customer message (from the bot), each ticket change
/// (first reply, rating). Keeps the text of messages the bot could not answer, masked, for the unanswered inbox.
/// </summary>
public sealed class InsightRecorder(IInsightStore store, IUnansweredStore unanswered, Func<BusinessCalendar> calendar)
{
    /// <summary>A recorder on one fixed calendar (tests, tools).</summary>
    public InsightRecorder(IInsightStore store, IUnansweredStore unanswered, BusinessCalendar calendar) : this(store, unanswered, () => calendar) { }

    /// <summary>The customer wrote <paramref name="text"/> and the flow took <paramref name="outcome"/>.</summary>
    public void Turn(string conversationId, string userId, string channelId, FlowOutcome outcome, string text, DateTime at)
    {
        var fact = InsightDefinitions.FactOf(outcome, at);
        TurnFact? previous = null;
        store.Update(conversationId, row =>
        {
            row ??= New(conversationId, at);
            previous = row.Facts.LastOrDefault();
            if (row.Facts.Count < ConversationInsight.MaxFacts) row.Facts.Add(fact);
            if (userId.Length > 0) row.UserId = userId;
            row.ChannelId = channelId;
            row.LastAt = at;
            if (fact.Kind == TurnKind.Answered) row.LastAnswerAt = at;
            return row;
        }, Contribution);

        var couldNotAnswer = fact.Kind is TurnKind.Fallback or TurnKind.Clarified
            || fact is { Kind: TurnKind.HandedOver, Reason: EscalationReason.NoAnswer };
        if (couldNotAnswer)
            unanswered.Add(new UnansweredMessage
            {
                At = at, ConversationId = conversationId, UserId = userId, Text = TextMask.Mask(text), Unsure = fact.Kind == TurnKind.Clarified,
            });
        else if (previous is { Kind: TurnKind.Clarified } offered && InsightDefinitions.SuggestionTaken(offered, fact))
            unanswered.SuggestionTaken(conversationId);

        if (userId.Length > 0 && fact.Kind is TurnKind.Answered or TurnKind.HandedOver)
            CameBack(userId, conversationId, fact);
    }

    /// <summary>A ticket was opened or changed: its reason, first reply and rating join its conversation's row.</summary>
    public void TicketChanged(Ticket ticket)
    {
        var id = string.IsNullOrEmpty(ticket.ConversationId) ? $"ticket-{ticket.Id}" : ticket.ConversationId;
        store.Update(id, row =>
        {
            row ??= New(id, ticket.CreatedAt);
            // A channel may send no user id (an activity without "from.id"); the stored records keep it "" (LiteDB reads "" back as null).
            if (row.UserId.Length == 0) row.UserId = ticket.UserId;
            row.TicketId = ticket.Id;
            row.TicketReason = ticket.Reason;
            row.TicketCreatedAt = ticket.CreatedAt;
            row.FirstResponseAt = ticket.FirstResponseAt;
            row.FirstResponseDue = ticket.FirstResponseDue;
            row.Rating = ticket.Rating;
            return row;
        }, Contribution);
    }

    /// <summary>What a row adds to its day, in the business's local time.</summary>
    public Dictionary<string, long> Contribution(ConversationInsight row) => InsightDefinitions.Contribution(row, calendar().Local);

    /// <summary>The business's local date of <paramref name="utc"/>.</summary>
    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(calendar().Local(utc));

    // The customer's earlier conversations answered within the window are reopened when they ask the same entry again
    // or are handed to a person.
    private void CameBack(string userId, string conversationId, TurnFact fact)
    {
        foreach (var other in store.RecentlyAnswered(userId, conversationId, fact.At - InsightDefinitions.ReopenWindow))
            store.Update(other, row =>
            {
                var sameTopic = fact.Kind == TurnKind.HandedOver || row!.Facts.Any(f => f.Kind == TurnKind.Answered && f.FaqId == fact.FaqId);
                if (sameTopic && row!.ReturnedAt is null) row.ReturnedAt = fact.At;
                return row!;
            }, Contribution);
    }

    private ConversationInsight New(string id, DateTime at) => new()
    {
        Id = id, StartedAt = at, LastAt = at, Day = LocalDay(at).ToDateTime(TimeOnly.MinValue),
    };
}
