using LiteDB;

namespace SmbBot.Core.Outbox;

/// <summary>What the outbox holds, for <c>/health/ready</c>.</summary>
/// <param name="Failing">Not sent after one or more tries (including <paramref name="GaveUp"/>).</param>
public sealed record OutboxHealth(int Waiting, int Failing, int GaveUp, string? LastError, DateTime? LastErrorAt);

/// <summary>
/// The durable outbox in LiteDB (collection <c>outbox</c>): messages are written before anyone is told they exist,
/// and marked sent only after the receiving server accepted them.
/// </summary>
public sealed class OutboxStore
{
    private readonly ILiteCollection<OutboxMessage> _messages;
    private readonly Lock _write = new();

    /// <summary>Raised after a message is queued (the sender wakes up).</summary>
    public event Action? Queued;

    public OutboxStore(ILiteDatabase database)
    {
        _messages = database.GetCollection<OutboxMessage>("outbox");
        _messages.EnsureIndex(m => m.NextAttemptAt);
        _messages.EnsureIndex(m => m.TicketId);
        _messages.EnsureIndex(m => m.SentAt);
        _messages.EnsureIndex(m => m.MessageId);
    }

    /// <summary>Queues the messages whose ids are not in the outbox yet; returns how many were new.</summary>
    public int Enqueue(IEnumerable<OutboxMessage> messages)
    {
        int added = 0;
        lock (_write)
        {
            foreach (var message in messages)
            {
                if (_messages.FindById(message.Id) is not null) continue;
                _messages.Insert(message);
                added++;
            }
        }
        if (added > 0) Queued?.Invoke();
        return added;
    }

    /// <summary>Messages to send now, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> Due(DateTime nowUtc, int take = 100) =>
        _messages.Query().Where(m => m.SentAt == null && !m.GaveUp && m.NotNeeded == null && m.NextAttemptAt <= nowUtc)
            .OrderBy(m => m.NextAttemptAt).Limit(take).ToList();

    /// <summary>The soonest time a waiting message is due, or null.</summary>
    public DateTime? NextDue() =>
        _messages.Query().Where(m => m.SentAt == null && !m.GaveUp && m.NotNeeded == null).OrderBy(m => m.NextAttemptAt).FirstOrDefault()?.NextAttemptAt;

    /// <summary>Records that the receiving server accepted the message.</summary>
    public void MarkSent(string id, DateTime nowUtc) => Change(id, m =>
    {
        m.SentAt = nowUtc;
        m.Attempts++;
        m.LastAttemptAt = nowUtc;
    });

    /// <summary>Records a failed try; the next one waits <paramref name="retryIn"/>, or none after <paramref name="maxAttempts"/>.</summary>
    public void MarkFailed(string id, string error, DateTime nowUtc, TimeSpan retryIn, int maxAttempts) => Change(id, m =>
    {
        m.Attempts++;
        m.LastAttemptAt = nowUtc;
        m.LastError = error;
        m.NextAttemptAt = nowUtc + retryIn;
        m.GaveUp = m.Attempts >= maxAttempts;
    });

    /// <summary>Records that the message need not go after all, and why.</summary>
    public void MarkNotNeeded(string id, string reason, DateTime nowUtc) => Change(id, m =>
    {
        m.NotNeeded = reason;
        m.LastAttemptAt = nowUtc;
    });

    /// <summary>The message that was sent with this Message-ID (angle brackets allowed), or null.</summary>
    public OutboxMessage? WithMessageId(string messageId)
    {
        var id = messageId.Trim().Trim('<', '>');
        return id.Length == 0 ? null : _messages.FindOne(m => m.MessageId == id);
    }

    /// <summary>The ticket's e-mails to the customer, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> CustomerMails(int ticketId) =>
        _messages.Find(m => m.TicketId == ticketId).Where(m => m.ToCustomer).OrderBy(m => m.CreatedAt).ToArray();

    /// <summary>Messages of a ticket not sent after a try, newest first.</summary>
    public IReadOnlyList<OutboxMessage> FailingFor(int ticketId) =>
        _messages.Find(m => m.TicketId == ticketId).Where(m => m.Failing).OrderByDescending(m => m.LastAttemptAt).ToArray();

    /// <summary>All messages of a ticket (tests and the console).</summary>
    public IReadOnlyList<OutboxMessage> ForTicket(int ticketId) => _messages.Find(m => m.TicketId == ticketId).ToArray();

    public OutboxMessage? Get(string id) => _messages.FindById(id);

    /// <summary>Messages about one person: of their conversations, or to their address (a full scan: admin use only).</summary>
    public IReadOnlyList<OutboxMessage> Of(Privacy.PersonalDataSubject subject) =>
        _messages.FindAll().Where(m => subject.ConversationIds.Contains(m.ConversationId) || subject.HasEmail(m.To)).ToArray();

    /// <summary>Deletes these messages; returns how many there were.</summary>
    public int Delete(IEnumerable<string> ids)
    {
        lock (_write) return ids.Count(id => _messages.Delete(id));
    }

    /// <summary>Counts of waiting and failing messages and the latest error.</summary>
    public OutboxHealth Health()
    {
        var unsent = _messages.Find(m => m.SentAt == null && m.NotNeeded == null).ToArray();
        var latest = unsent.Where(m => m.LastError is not null).MaxBy(m => m.LastAttemptAt);
        return new OutboxHealth(unsent.Count(m => !m.GaveUp), unsent.Count(m => m.Attempts > 0), unsent.Count(m => m.GaveUp),
            latest?.LastError, latest?.LastAttemptAt);
    }

    private void Change(string id, Action<OutboxMessage> change)
    {
        lock (_write)
        {
            var message = _messages.FindById(id);
            if (message is null) return;
            change(message);
            _messages.Update(message);
        }
    }
}
