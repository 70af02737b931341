namespace SmbBot.Core.Tickets;

/// <summary>
/// Filters for the staff queue. <paramref name="TeamIds"/>: tickets of these teams and tickets of no team (the shared
/// queue); null for every ticket.
/// </summary>
public sealed record TicketQuery(
    IReadOnlyCollection<TicketStatus>? Statuses = null,
    TicketPriority? Priority = null,
    string? Category = null,
    string? AssignedToId = null,
    IReadOnlyCollection<string>? TeamIds = null,
    int Skip = 0,
    int Take = 50);

/// <summary>
/// The ticket queue: LiteDB (<see cref="LiteDbTicketStore"/>) or PostgreSQL. Every change is atomic, so concurrent
/// conversations get distinct numbers and no change overwrites another.
/// </summary>
public interface ITicketStore
{
    /// <summary>Longest search text; longer is cut.</summary>
    const int MaxSearchChars = 100;

    /// <summary>Raised after every write with the ticket as stored (the staff console listens to push live updates).</summary>
    event Action<Ticket>? Changed;

    /// <summary>Stores a new ticket and assigns its number.</summary>
    Ticket Create(Ticket ticket);

    /// <summary>Stores many new tickets in one transaction (imports, benchmarks); no change events are raised.</summary>
    void CreateMany(IEnumerable<Ticket> tickets);

    /// <summary>The ticket with this id.</summary>
    Ticket? Get(int id);

    /// <summary>The ticket with this number (e.g. <c>T-1042</c>).</summary>
    Ticket? Get(string? number);

    /// <summary>Reads, changes and writes one ticket atomically; returns it, or null when there is none.</summary>
    Ticket? Change(int id, Action<Ticket> change);

    /// <summary>The queue: tickets matching <paramref name="query"/> in priority and due-time order, with the total.</summary>
    (IReadOnlyList<Ticket> Tickets, int Total) Queue(TicketQuery query);

    /// <summary>How many tickets match <paramref name="query"/>.</summary>
    int Count(TicketQuery query);

    /// <summary>Open tickets assigned to each of <paramref name="staffIds"/> (0 for those with none).</summary>
    IReadOnlyDictionary<string, int> OpenCounts(IEnumerable<string> staffIds);

    /// <summary>Open tickets given to someone automatically who has not taken them yet.</summary>
    IReadOnlyList<Ticket> AwaitingAcceptance();

    /// <summary>
    /// Tickets found by number (<c>T-1042</c>), or whose customer name or e-mail address or conversation text contains
    /// <paramref name="text"/> (case-insensitive; a <c>%</c> or <c>_</c> stays a wildcard), newest first: at most
    /// <paramref name="take"/>, with whether there are more. Text longer than <see cref="MaxSearchChars"/> is cut.
    /// </summary>
    (IReadOnlyList<Ticket> Tickets, bool More) Search(string? text, int take = 50);

    /// <summary>Other tickets of the same customer (by CRM id or e-mail), newest first.</summary>
    IReadOnlyList<Ticket> ForCustomer(string? customerId, string? email, int exceptId, int take = 20);

    /// <summary>The newest ticket of a conversation, else of a CRM customer (open ones first); null when neither has one.</summary>
    Ticket? Latest(string conversationId, string? customerId);

    /// <summary>
    /// Tickets of one person: by e-mail address (given in the chat or in the CRM snapshot), CRM id, chat user or
    /// conversation id, in id order (admin use only).
    /// </summary>
    IReadOnlyList<Ticket> Of(Privacy.PersonalDataSubject subject);

    /// <summary>Deletes these tickets; returns how many there were.</summary>
    int Delete(IEnumerable<int> ids);

    /// <summary>Deletes tickets resolved or closed before <paramref name="cutoff"/>; returns their numbers.</summary>
    IReadOnlyList<int> DeleteClosedBefore(DateTime cutoff);

    /// <summary>Number of tickets stored.</summary>
    int Count();
}

/// <summary>The staff queue's order as one string: open before closed, then priority, then first-response due time, then number.</summary>
public static class TicketQueueKey
{
    /// <summary>The key of <paramref name="t"/> (its id must be assigned).</summary>
    public static string Of(Ticket t) =>
        $"{(t.IsOpen ? 0 : 1)}|{(int)t.Priority}|{t.FirstResponseDue:yyyyMMddHHmmss}|{t.Id:D10}";
}
