using Npgsql;
using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;

namespace SmbBot.PostgreSql.Outbox;

/// <summary>
/// The outbox in PostgreSQL (table <c>outbox</c>), shared by every host. <see cref="Due"/> claims what it returns
/// (<c>FOR UPDATE SKIP LOCKED</c>, then <c>claimed_until</c>), so two hosts' senders never take the same message; a
/// claim lapses after <paramref name="claimFor"/>, so a message claimed by a host that died is sent by another. Every
/// change is one statement on the row.
/// </summary>
public sealed class PostgreSqlOutboxStore(NpgsqlDataSource database, TimeSpan? claimFor = null) : IOutboxStore
{
    /// <summary>How long a claimed message is left to its sender: longer than a round of sending takes.</summary>
    public static readonly TimeSpan DefaultClaim = TimeSpan.FromMinutes(5);

    private const string Waiting = "sent_at IS NULL AND NOT gave_up AND not_needed IS NULL";

    private readonly TimeSpan _claim = claimFor ?? DefaultClaim;

    /// <inheritdoc/>
    public event Action? Queued;

    /// <inheritdoc/>
    public int Enqueue(IEnumerable<OutboxMessage> messages)
    {
        var added = 0;
        using (var connection = database.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            foreach (var message in messages)
            {
                using var insert = new NpgsqlCommand($"""
                    INSERT INTO outbox ({OutboxRow.Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
                    ON CONFLICT (id) DO NOTHING
                    """, connection, transaction);
                OutboxRow.Add(insert.Parameters, message);
                added += insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        if (added > 0) Queued?.Invoke();
        return added;
    }

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> Due(DateTime nowUtc, int take = 100)
    {
        // Rows another sender has locked are skipped, rows it has claimed are filtered out: each message goes to one.
        var claimed = Read($"""
            UPDATE outbox SET claimed_until = $2
            WHERE id IN (SELECT id FROM outbox
                         WHERE {Waiting} AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
                         ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
            RETURNING {OutboxRow.Columns}
            """, OutboxRow.Time(nowUtc), OutboxRow.Time(nowUtc + _claim), P(Math.Max(0, take)));
        return [.. claimed.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc/>
    public DateTime? NextDue()
    {
        // A message claimed by another sender is due here only if that claim lapses.
        using var read = database.CreateCommand($"SELECT min(greatest(next_attempt_at, claimed_until)) FROM outbox WHERE {Waiting}");
        return read.ExecuteScalar() is DateTime at ? at : null;
    }

    /// <inheritdoc/>
    public void MarkSent(string id, DateTime nowUtc) => Execute(
        "UPDATE outbox SET sent_at = $2, attempts = attempts + 1, last_attempt_at = $2, claimed_until = NULL WHERE id = $1",
        P(id), OutboxRow.Time(nowUtc));

    /// <inheritdoc/>
    public void MarkFailed(string id, string error, DateTime nowUtc, TimeSpan retryIn, int maxAttempts) => Execute("""
        UPDATE outbox SET attempts = attempts + 1, last_attempt_at = $2, last_error = $3, next_attempt_at = $4,
                          gave_up = attempts + 1 >= $5, claimed_until = NULL
        WHERE id = $1
        """, P(id), OutboxRow.Time(nowUtc), OutboxRow.Text(error), OutboxRow.Time(nowUtc + retryIn), P(maxAttempts));

    /// <inheritdoc/>
    public void MarkNotNeeded(string id, string reason, DateTime nowUtc) => Execute(
        "UPDATE outbox SET not_needed = $2, last_attempt_at = $3, claimed_until = NULL WHERE id = $1",
        P(id), OutboxRow.Text(reason), OutboxRow.Time(nowUtc));

    /// <inheritdoc/>
    public OutboxMessage? WithMessageId(string messageId)
    {
        var id = messageId.Trim().Trim('<', '>');
        return id.Length == 0 ? null
            : Read($"SELECT {OutboxRow.Columns} FROM outbox WHERE message_id = $1 ORDER BY created_at, id LIMIT 1", P(id)).FirstOrDefault();
    }

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> CustomerMails(int ticketId) =>
        Read($"SELECT {OutboxRow.Columns} FROM outbox WHERE ticket_id = $1 AND starts_with(kind, $2) ORDER BY created_at, id",
            P(ticketId), P(OutboxMessage.CustomerKindPrefix));

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> FailingFor(int ticketId) =>
        Read($"""
            SELECT {OutboxRow.Columns} FROM outbox
            WHERE ticket_id = $1 AND sent_at IS NULL AND not_needed IS NULL AND attempts > 0
            ORDER BY last_attempt_at DESC, id
            """, P(ticketId));

    /// <inheritdoc/>
    public OutboxMessage? Get(string id) => Read($"SELECT {OutboxRow.Columns} FROM outbox WHERE id = $1", P(id)).FirstOrDefault();

    /// <inheritdoc/>
    public IReadOnlyList<OutboxMessage> Of(PersonalDataSubject subject)
    {
        // The indexed columns narrow it down; the subject's own rules (trimmed, case-insensitive e-mail) decide.
        var found = Read($"SELECT {OutboxRow.Columns} FROM outbox WHERE conversation_id = ANY($1) OR lower(btrim(to_address)) = lower($2) ORDER BY id",
            P(subject.ConversationIds.ToArray()), OutboxRow.Text(subject.Email));
        return [.. found.Where(m => subject.ConversationIds.Contains(m.ConversationId) || subject.HasEmail(m.To))];
    }

    /// <inheritdoc/>
    public int Delete(IEnumerable<string> ids) =>
        Execute("DELETE FROM outbox WHERE id = ANY($1)", new NpgsqlParameter { Value = ids.Distinct().ToArray() });

    /// <inheritdoc/>
    public OutboxHealth Health()
    {
        using var read = database.CreateCommand("""
            SELECT count(*) FILTER (WHERE NOT gave_up), count(*) FILTER (WHERE attempts > 0), count(*) FILTER (WHERE gave_up),
                   (SELECT last_error FROM outbox e WHERE e.sent_at IS NULL AND e.not_needed IS NULL AND e.last_error IS NOT NULL ORDER BY e.last_attempt_at DESC NULLS LAST LIMIT 1),
                   (SELECT last_attempt_at FROM outbox e WHERE e.sent_at IS NULL AND e.not_needed IS NULL AND e.last_error IS NOT NULL ORDER BY e.last_attempt_at DESC NULLS LAST LIMIT 1)
            FROM outbox WHERE sent_at IS NULL AND not_needed IS NULL
            """);
        using var r = read.ExecuteReader();
        r.Read();
        return new OutboxHealth((int)r.GetInt64(0), (int)r.GetInt64(1), (int)r.GetInt64(2),
            r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetDateTime(4));
    }

    private List<OutboxMessage> Read(string sql, params NpgsqlParameter[] parameters)
    {
        using var read = database.CreateCommand(sql);
        read.Parameters.AddRange(parameters);
        var found = new List<OutboxMessage>();
        using var reader = read.ExecuteReader();
        while (reader.Read()) found.Add(OutboxRow.Read(reader));
        return found;
    }

    private static NpgsqlParameter P(object value) => new() { Value = value };

    private int Execute(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return command.ExecuteNonQuery();
    }
}
