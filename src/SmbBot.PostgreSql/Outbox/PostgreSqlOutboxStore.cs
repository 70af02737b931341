using Npgsql;
using SmbBot.Core.Outbox;

namespace SmbBot.PostgreSql.Outbox;

/// <summary>
/// The outbox in PostgreSQL (table <c>outbox</c>), shared by every host. <see cref="Due"/> claims what it returns
/// (<c>FOR UPDATE SKIP LOCKED</c>, then <c>claimed_until</c>), so two hosts' senders never take the same message; a
/// claim lapses after <paramref name="claimFor"/>, so a message claimed by a host that died is sent by another. Every
/// change is one statement on the row.
/// </summary>
public sealed partial class PostgreSqlOutboxStore(NpgsqlDataSource database, TimeSpan? claimFor = null) : IOutboxStore
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
    public int Delete(IEnumerable<string> ids) =>
        Execute("DELETE FROM outbox WHERE id = ANY($1)", new NpgsqlParameter { Value = ids.Distinct().ToArray() });

    /// <inheritdoc/>
    public int DeleteOfTickets(IReadOnlyCollection<int> ticketIds) =>
        Execute("DELETE FROM outbox WHERE ticket_id = ANY($1)", new NpgsqlParameter { Value = ticketIds.Distinct().ToArray() });

    /// <inheritdoc/>
    public int DeleteFinishedWithoutTicketBefore(DateTime cutoff) =>
        Execute("DELETE FROM outbox WHERE ticket_id IS NULL AND created_at < $1 AND (sent_at IS NOT NULL OR gave_up OR not_needed IS NOT NULL)",
            OutboxRow.Time(cutoff));

    private static NpgsqlParameter P(object value) => new() { Value = value };

    private int Execute(string sql, params NpgsqlParameter[] parameters)
    {
        using var command = database.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return command.ExecuteNonQuery();
    }
}
