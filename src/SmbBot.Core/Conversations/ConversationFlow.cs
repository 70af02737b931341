using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Conversations;

/// <summary>What to do with a customer's message, beyond the FAQ decision.</summary>
public enum FlowStep
{
    /// <summary>Reply as the decision says; no ticket involved.</summary>
    Reply,
    /// <summary>Open a ticket.</summary>
    OpenTicket,
    /// <summary>Add the message to the open ticket and say so.</summary>
    AddToTicket,
    /// <summary>Reply as the decision says (an FAQ answer, small talk) and add the exchange to the open ticket.</summary>
    ReplyAndAddToTicket,
    /// <summary>A person is handling the conversation: add the message to the ticket and let them answer.</summary>
    ForwardToStaff,
    /// <summary>The customer rated the help on a resolved ticket.</summary>
    Rated,
    /// <summary>The customer gave a valid e-mail address.</summary>
    EmailGiven,
    /// <summary>The customer would rather not give an e-mail address.</summary>
    EmailDeclined,
    /// <summary>That was not an e-mail address; ask once more.</summary>
    EmailRetry,
    /// <summary>Still not an e-mail address; go on without it.</summary>
    EmailGivenUp,
}

/// <summary>The step for a message, with the decision and the escalation reason where they apply.</summary>
public sealed record FlowOutcome(FlowStep Step, TurnDecision? Decision = null, EscalationReason? Reason = null,
    string? Email = null, bool RaiseToUrgent = false, int? Rating = null);

/// <summary>The conversation's ticket, as the flow sees it.</summary>
public enum TicketState
{
    /// <summary>No open ticket.</summary>
    None,
    /// <summary>An open ticket no one has taken yet: the bot keeps answering.</summary>
    Waiting,
    /// <summary>A staff member has taken the ticket: the bot stays quiet.</summary>
    WithStaff,
}

/// <summary>
/// The conversation around tickets, as a pure function of what the bot remembers and what the customer wrote:
/// escalate what needs a person, keep one ticket per conversation while it is open, ask for an e-mail address once.
/// </summary>
public static class ConversationFlow
{
    /// <summary>The text of the "Talk to a person" button, which always reaches a person.</summary>
    public const string TalkToPerson = "Talk to a person";

    /// <summary>
    /// Decides the step for <paramref name="text"/>. <paramref name="understand"/> classifies and retrieves; it is not
    /// called for an answer to the e-mail question.
    /// </summary>
    public static FlowOutcome Next(ConversationRecord conversation, TicketState ticket, string text, Func<string, TurnDecision> understand)
    {
        bool hasOpenTicket = ticket != TicketState.None;
        if (conversation.AwaitingRatingFor is not null && RatingReply.Read(text) is { } rating)
            return new FlowOutcome(FlowStep.Rated, Rating: rating);
        if (conversation.AwaitingEmail && hasOpenTicket)
        {
            var (kind, email) = EmailReply.Read(text);
            switch (kind)
            {
                case EmailReplyKind.Email: return new FlowOutcome(FlowStep.EmailGiven, Email: email);
                case EmailReplyKind.Declined: return new FlowOutcome(FlowStep.EmailDeclined);
                case EmailReplyKind.NotAnEmail:
                    return new FlowOutcome(conversation.EmailAttempts == 0 ? FlowStep.EmailRetry : FlowStep.EmailGivenUp);
            }
            // Anything else is a new message: the customer moved on, so stop waiting for the address.
        }

        var decision = understand(text);
        var reason = ReasonFor(decision, text);
        if (hasOpenTicket)
        {
            if (reason == EscalationReason.UrgentSafety)
                return new FlowOutcome(FlowStep.AddToTicket, decision, reason, RaiseToUrgent: true);
            if (ticket == TicketState.WithStaff) return new FlowOutcome(FlowStep.ForwardToStaff, decision);
            return decision.Route is Route.Faq or Route.SmallTalk
                ? new FlowOutcome(FlowStep.ReplyAndAddToTicket, decision)
                : new FlowOutcome(FlowStep.AddToTicket, decision, reason);
        }
        if (reason is not null) return new FlowOutcome(FlowStep.OpenTicket, decision, reason);
        if (decision.Route == Route.Fallback && !decision.OffTopic && conversation.Misses >= 1)
            return new FlowOutcome(FlowStep.OpenTicket, decision, EscalationReason.NoAnswer);
        return new FlowOutcome(FlowStep.Reply, decision);
    }

    /// <summary>The escalation reason of a decision, if it needs a person.</summary>
    public static EscalationReason? ReasonFor(TurnDecision decision, string text)
    {
        if (TextNormalizer.SameText(text, TalkToPerson)) return EscalationReason.AskedForPerson;
        if (decision.Route != Route.Escalate) return null;
        return decision.Intent.Intent switch
        {
            Intents.Urgent => EscalationReason.UrgentSafety,
            Intents.Complaint => EscalationReason.Complaint,
            Intents.Account => EscalationReason.AccountRequest,
            _ => EscalationReason.AskedForPerson,
        };
    }
}

/// <summary>Reads an answer to "how would you rate the help you got (1-5)?".</summary>
public static class RatingReply
{
    /// <summary>The rating 1-5, or null when the text is not one.</summary>
    public static int? Read(string text)
    {
        var key = TextNormalizer.Key(text);
        var first = key.Split(' ', 2)[0];
        return first.Length == 1 && first[0] is >= '1' and <= '5' && key.Length <= 20 ? first[0] - '0' : null;
    }
}
