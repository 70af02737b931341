namespace SmbBot.Core.Outbox;

/// <summary>What the outbox holds, for <c>/health/ready</c>.</summary>
/// <param name="Failing">Not sent after one or more tries (including <paramref name="GaveUp"/>).</param>
public sealed record OutboxHealth(int Waiting, int Failing, int GaveUp, string? LastError, DateTime? LastErrorAt);

/// <summary>
/// The durable outbox: messages are written before anyone is told they exist, and marked sent only after the receiving
/// server accepted them. LiteDB (<see cref="LiteDbOutboxStore"/>) or PostgreSQL.
/// </summary>
public interface IOutboxStore
{
    /// <summary>Raised in this process after a message is queued here (the sender wakes up).</summary>
    event Action? Queued;

    /// <summary>Queues the messages whose ids are not in the outbox yet; returns how many were new.</summary>
    int Enqueue(IEnumerable<OutboxMessage> messages);

    /// <summary>
    /// Messages to send now, oldest first. A store shared by several hosts hands each message to one caller only, until
    /// it is marked or its claim lapses (so a message claimed by a host that died is sent by another later).
    /// </summary>
    IReadOnlyList<OutboxMessage> Due(DateTime nowUtc, int take = 100);

    /// <summary>The soonest time a waiting message is due, or null.</summary>
    DateTime? NextDue();

    /// <summary>Records that the receiving server accepted the message.</summary>
    void MarkSent(string id, DateTime nowUtc);

    /// <summary>Records a failed try; the next one waits <paramref name="retryIn"/>, or none after <paramref name="maxAttempts"/>.</summary>
    void MarkFailed(string id, string error, DateTime nowUtc, TimeSpan retryIn, int maxAttempts);

    /// <summary>Records that the message need not go after all, and why.</summary>
    void MarkNotNeeded(string id, string reason, DateTime nowUtc);

    /// <summary>The message that was sent with this Message-ID (angle brackets allowed), or null.</summary>
    OutboxMessage? WithMessageId(string messageId);

    /// <summary>The ticket's e-mails to the customer, oldest first.</summary>
    IReadOnlyList<OutboxMessage> CustomerMails(int ticketId);

    /// <summary>Messages of a ticket not sent after a try, newest first.</summary>
    IReadOnlyList<OutboxMessage> FailingFor(int ticketId);

    /// <summary>One message, or null.</summary>
    OutboxMessage? Get(string id);

    /// <summary>Messages about one person: of their conversations, or to their address (admin use only).</summary>
    IReadOnlyList<OutboxMessage> Of(Privacy.PersonalDataSubject subject);

    /// <summary>Deletes these messages; returns how many there were.</summary>
    int Delete(IEnumerable<string> ids);

    /// <summary>Deletes every message about these tickets (they are gone, so are their e-mails); returns how many.</summary>
    int DeleteOfTickets(IReadOnlyCollection<int> ticketIds);

    /// <summary>
    /// Deletes messages about no ticket (e.g. the weekly summary) that are finished (sent, given up or not needed) and
    /// were queued before <paramref name="cutoff"/>; returns how many.
    /// </summary>
    int DeleteFinishedWithoutTicketBefore(DateTime cutoff);

    /// <summary>Counts of waiting and failing messages and the latest error.</summary>
    OutboxHealth Health();
}
