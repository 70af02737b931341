using SmbBot.Core.Routing;

namespace SmbBot.Core.Conversations;

public static partial class ConversationFlow
{
    /// <summary>The step for <paramref name="text"/>; the record already holds the message in its transcript.</summary>
    private static FlowOutcome Decide(ConversationRecord conversation, TicketState ticket, string text, Func<string, TurnDecision> understand)
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

        // An address given later, unasked ("my email is ..."), still reaches the ticket: without it a customer who leaves
        // the chat cannot be told the answer.
        if (ticket == TicketState.Waiting && conversation.Email is null && !conversation.AwaitingEmail
            && EmailReply.ReadOffered(text) is { } given)
            return new FlowOutcome(FlowStep.EmailGiven, Email: given);

        // "Any news on T-1001?" is answered from the ticket; while a person has the chat, they answer it.
        if (ticket != TicketState.WithStaff && Tickets.TicketStatusQuestion.Read(text) is { } question)
            return new FlowOutcome(FlowStep.TicketStatus, StatusQuestion: question);

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
        // The bot cannot answer in the customer's language: a person does, at once when it names an emergency.
        if (decision.LanguageHandover)
            return decision is { Route: Route.Escalate, Intent.Intent: Intents.Urgent } ? EscalationReason.UrgentSafety : EscalationReason.NoAnswer;
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
