using Npgsql;
using SmbBot.Core.Tickets;

namespace SmbBot.PostgreSql.Tickets;

/// <summary>
/// The ticket queue in PostgreSQL (table <c>tickets</c>, schema in <c>Migrations/</c>). Numbers come from the sequence
/// <c>ticket_numbers</c>, so they are unique across hosts; a change reads the row <c>FOR UPDATE</c> and writes it in
/// the same transaction, so two hosts changing one ticket queue behind each other and neither change is lost.
/// <see cref="Changed"/> is raised in this process only.
/// </summary>
public sealed partial class PostgreSqlTicketStore(NpgsqlDataSource database) : ITicketStore
{
    private static readonly string[] OpenStatuses = [nameof(TicketStatus.New), nameof(TicketStatus.Open), nameof(TicketStatus.Pending)];
    private const string IsOpenSql = "status IN ('New', 'Open', 'Pending')";

    /// <inheritdoc/>
    public event Action<Ticket>? Changed;

    /// <inheritdoc/>
    public Ticket Create(Ticket ticket)
    {
        using (var connection = database.OpenConnection())
        {
            ticket.Id = NextIds(connection, 1)[0];
            ticket.QueueKey = TicketQueueKey.Of(ticket);
            using var insert = new NpgsqlCommand($"INSERT INTO tickets ({TicketRow.Columns}) VALUES ({TicketRow.Placeholders})", connection);
            TicketRow.Bind(insert.Parameters, ticket);
            insert.ExecuteNonQuery();
        }
        Changed?.Invoke(ticket);
        return ticket;
    }

    /// <inheritdoc/>
    public void CreateMany(IEnumerable<Ticket> tickets)
    {
        var batch = tickets.ToList();
        if (batch.Count == 0) return;
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var ids = NextIds(connection, batch.Count);
        using (var copy = connection.BeginBinaryImport($"COPY tickets ({TicketRow.Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            for (int i = 0; i < batch.Count; i++)
            {
                batch[i].Id = ids[i];
                batch[i].QueueKey = TicketQueueKey.Of(batch[i]);
                TicketRow.Write(copy, batch[i]);
            }
            copy.Complete();
        }
        transaction.Commit();
    }

    /// <inheritdoc/>
    public Ticket? Change(int id, Action<Ticket> change)
    {
        Ticket ticket;
        using (var connection = database.OpenConnection())
        using (var transaction = connection.BeginTransaction())
        {
            using var read = new NpgsqlCommand($"SELECT {TicketRow.Selected} FROM tickets WHERE id = $1 FOR UPDATE", connection) { Parameters = { new() { Value = id } } };
            if (TicketRow.ReadAll(read) is not [var found]) return null;
            ticket = found;
            change(ticket);
            ticket.QueueKey = TicketQueueKey.Of(ticket);
            var set = string.Join(", ", TicketRow.Columns.Split(", ").Skip(1).Select((c, i) => $"{c} = ${i + 2}"));
            using var write = new NpgsqlCommand($"UPDATE tickets SET {set} WHERE id = $1", connection);
            TicketRow.Bind(write.Parameters, ticket);
            write.ExecuteNonQuery();
            transaction.Commit();
        }
        Changed?.Invoke(ticket);
        return ticket;
    }

    /// <inheritdoc/>
    public int Delete(IEnumerable<int> ids)
    {
        using var delete = database.CreateCommand("DELETE FROM tickets WHERE id = ANY($1)");
        delete.Parameters.Add(new() { Value = ids.Distinct().ToArray() });
        return delete.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<int> DeleteClosedBefore(DateTime cutoff)
    {
        using var delete = database.CreateCommand("DELETE FROM tickets WHERE status IN ('Resolved', 'Closed') AND updated_at < $1 RETURNING id");
        delete.Parameters.Add(new() { Value = TicketRow.Utc(cutoff), NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        using var reader = delete.ExecuteReader();
        var ids = new List<int>();
        while (reader.Read()) ids.Add(reader.GetInt32(0));
        return ids;
    }

    private static int[] NextIds(NpgsqlConnection connection, int count)
    {
        using var next = new NpgsqlCommand("SELECT nextval('ticket_numbers')::integer FROM generate_series(1, $1)", connection) { Parameters = { new() { Value = count } } };
        using var reader = next.ExecuteReader();
        var ids = new int[count];
        for (int i = 0; reader.Read(); i++) ids[i] = reader.GetInt32(0);
        return ids;
    }
}
