namespace SmbBot.Core.Tickets;

public sealed partial class TicketDesk
{
    /// <summary>
    /// The ticket a status question is about and what may be said of it: the one named, else this conversation's open
    /// one, else the newest of this conversation or of the verified customer.
    /// </summary>
    public (TicketStatusAnswer Answer, Ticket? Ticket) StatusFor(TicketStatusQuestion question, int? openTicketId,
        string conversationId, string? verifiedCustomerId)
    {
        var ticket = question.Number is { } number
            ? store.Get(number)
            : OpenTicket(openTicketId) ?? store.Latest(conversationId, verifiedCustomerId);
        var answer = TicketStatusPolicy.Decide(question, ticket, conversationId, verifiedCustomerId);
        return (answer, answer == TicketStatusAnswer.Own ? ticket : null);
    }
}
