using SmbBot.Core.Routing;

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
    /// <summary>The customer asked how a ticket is getting on; answered from the ticket if it is theirs.</summary>
    TicketStatus,
}

/// <summary>The step for a message, with the decision and the escalation reason where they apply.</summary>
public sealed record FlowOutcome(FlowStep Step, TurnDecision? Decision = null, EscalationReason? Reason = null,
    string? Email = null, bool RaiseToUrgent = false, int? Rating = null, Tickets.TicketStatusQuestion? StatusQuestion = null);

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

/// <summary>A customer's message as the flow reads it.</summary>
/// <param name="Text">The cleaned, bounded text that is understood.</param>
/// <param name="Kept">The text as the transcript keeps it.</param>
/// <param name="Reference">The channel's conversation reference (JSON), needed to reach the customer later.</param>
/// <param name="CustomerId">A CRM id the business's website vouched for, if any.</param>
public sealed record CustomerMessage(string Text, string Kept, DateTime At, string ChannelId, string UserId,
    string Reference, string? CustomerId = null);

/// <summary>
/// The result of one step: the conversation as it is now, the reply to give and the ticket changes to make, in order.
/// </summary>
/// <param name="TicketId">The existing ticket this turn concerns (null when none, or when the turn opens one).</param>
public sealed record FlowResult(ConversationRecord Record, FlowOutcome Outcome, IReadOnlyList<TicketCommand> Commands, int? TicketId);
