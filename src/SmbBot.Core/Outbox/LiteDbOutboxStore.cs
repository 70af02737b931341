using LiteDB;

namespace SmbBot.Core.Outbox;

/// <summary>
/// The durable outbox in LiteDB (collection <c>outbox</c>): messages are written before anyone is told they exist,
/// and marked sent only after the receiving server accepted them.
/// </summary>
public sealed class LiteDbOutboxStore : IOutboxStore
{
    private readonly ILiteCollection<OutboxMessage> _messages;
    private readonly Lock _write = new();

    /// <inheritdoc/>
    public event Action? Queued;

    public LiteDbOutboxStore(ILiteDatabase database)
    {
        _messages = database.GetCollection<OutboxMessage>("outbox");
        _messages.EnsureIndex(m => m.NextAttemptAt);
        _messages.EnsureIndex(m => m.TicketId);
        _messages.EnsureIndex(m => m.SentAt);
        _messages.EnsureIndex(m => m.MessageId);
    }

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> Due(DateTime nowUtc, int take = 100) =>
        _messages.Query().Where(m => m.SentAt == null && !m.GaveUp && m.NotNeeded == null && m.NextAttemptAt <= nowUtc)
            .OrderBy(m => m.NextAttemptAt).Limit(take).ToList();

    /// <inheritdoc/>
    public DateTime? NextDue() =>
        _messages.Query().Where(m => m.SentAt == null && !m.GaveUp && m.NotNeeded == null).OrderBy(m => m.NextAttemptAt).FirstOrDefault()?.NextAttemptAt;

    /// <inheritdoc/>
    public void MarkSent(string id, DateTime nowUtc) => Change(id, m =>
    {
        m.SentAt = nowUtc;
        m.Attempts++;
        m.LastAttemptAt = nowUtc;
    });

    /// <inheritdoc/>
    public void MarkFailed(string id, string error, DateTime nowUtc, TimeSpan retryIn, int maxAttempts) => Change(id, m =>
    {
        m.Attempts++;
        m.LastAttemptAt = nowUtc;
        m.LastError = error;
        m.NextAttemptAt = nowUtc + retryIn;
        m.GaveUp = m.Attempts >= maxAttempts;
    });

    /// <inheritdoc/>
    public void MarkNotNeeded(string id, string reason, DateTime nowUtc) => Change(id, m =>
    {
        m.NotNeeded = reason;
        m.LastAttemptAt = nowUtc;
    });

    /// <inheritdoc/>
    public OutboxMessage? WithMessageId(string messageId)
    {
        var id = messageId.Trim().Trim('<', '>');
        return id.Length == 0 ? null : _messages.FindOne(m => m.MessageId == id);
    }

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> CustomerMails(int ticketId) =>
        _messages.Find(m => m.TicketId == ticketId).Where(m => m.ToCustomer).OrderBy(m => m.CreatedAt).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> FailingFor(int ticketId) =>
        _messages.Find(m => m.TicketId == ticketId).Where(m => m.Failing).OrderByDescending(m => m.LastAttemptAt).ToArray();

    /// <summary>All messages of a ticket (tests and the console).</summary>
    public IReadOnlyList<OutboxMessage> ForTicket(int ticketId) => _messages.Find(m => m.TicketId == ticketId).ToArray();

    /// <inheritdoc/>
    public OutboxMessage? Get(string id) => _messages.FindById(id);

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> Of(Privacy.PersonalDataSubject subject) =>
        _messages.FindAll().Where(m => subject.ConversationIds.Contains(m.ConversationId) || subject.HasEmail(m.To)).ToArray();

    /// <inheritdoc/>
    public int Delete(IEnumerable<string> ids)
    {
        lock (_write) return ids.Count(id => _messages.Delete(id));
    }

    /// <inheritdoc/>
    public int DeleteOfTickets(IReadOnlyCollection<int> ticketIds)
    {
        lock (_write) return ticketIds.Distinct().Sum(id => _messages.DeleteMany(m => m.TicketId == id));
    }

    /// <inheritdoc/>
    public int DeleteFinishedWithoutTicketBefore(DateTime cutoff)
    {
        lock (_write)
            return _messages.DeleteMany(m => m.TicketId == null && m.CreatedAt < cutoff && (m.SentAt != null || m.GaveUp || m.NotNeeded != null));
    }

    /// <inheritdoc/>
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
