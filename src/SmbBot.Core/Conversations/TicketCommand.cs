using SmbBot.Core.Routing;

namespace SmbBot.Core.Conversations;

/// <summary>A change to a ticket that the conversation flow asks for; <c>TicketDesk.Perform</c> carries it out.</summary>
public abstract record TicketCommand;

/// <summary>Open a ticket for the conversation, with its transcript so far.</summary>
public sealed record OpenTicket(EscalationReason Reason, TurnDecision Decision) : TicketCommand;

/// <summary>Add a message to a ticket's transcript.</summary>
public sealed record AddToTicket(int TicketId, TranscriptEntry Entry) : TicketCommand;

/// <summary>Raise a ticket to urgent: the customer reported danger while it was open.</summary>
public sealed record RaiseTicketToUrgent(int TicketId) : TicketCommand;

/// <summary>Record the e-mail address the customer gave.</summary>
public sealed record SetTicketEmail(int TicketId, string Email) : TicketCommand;

/// <summary>Store the customer's 1-5 rating of the help on a resolved ticket.</summary>
public sealed record RateTicket(int TicketId, int Rating) : TicketCommand;
