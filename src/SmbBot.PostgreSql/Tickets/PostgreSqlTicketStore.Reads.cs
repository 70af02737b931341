using Npgsql;
using SmbBot.Core.Privacy;
using SmbBot.Core.Tickets;

namespace SmbBot.PostgreSql.Tickets;

public sealed partial class PostgreSqlTicketStore
{
    /// <inheritdoc/>
    public Ticket? Get(int id)
    {
        using var read = database.CreateCommand($"SELECT {TicketRow.Selected} FROM tickets WHERE id = $1");
        read.Parameters.Add(new() { Value = id });
        return TicketRow.ReadAll(read).FirstOrDefault();
    }

    /// <inheritdoc/>
    public Ticket? Get(string? number) => Ticket.IdFor(number) is { } id ? Get(id) : null;

    /// <inheritdoc/>
    public (IReadOnlyList<Ticket> Tickets, int Total) Queue(TicketQuery query)
    {
        var (where, values) = TicketFilter.Where(query);
        using var connection = database.OpenConnection();
        // Page and total in one round trip.
        using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command($"SELECT {TicketRow.Selected} FROM tickets {where} ORDER BY queue_key LIMIT {Math.Max(0, query.Take)} OFFSET {Math.Max(0, query.Skip)}", values),
                Command($"SELECT count(*)::integer FROM tickets {where}", values),
            },
        };
        using var reader = batch.ExecuteReader();
        var page = new List<Ticket>();
        while (reader.Read()) page.Add(TicketRow.Read(reader));
        reader.NextResult();
        reader.Read();
        return (page, reader.GetInt32(0));
    }

    /// <inheritdoc/>
    public int Count(TicketQuery query)
    {
        var (where, values) = TicketFilter.Where(query);
        using var count = database.CreateCommand($"SELECT count(*)::integer FROM tickets {where}");
        foreach (var v in values) count.Parameters.Add(new() { Value = v });
        return (int)count.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public int Count()
    {
        using var count = database.CreateCommand("SELECT count(*)::integer FROM tickets");
        return (int)count.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, int> OpenCounts(IEnumerable<string> staffIds)
    {
        var counts = staffIds.Distinct().ToDictionary(id => id, _ => 0);
        using var read = database.CreateCommand($"SELECT assigned_to_id, count(*)::integer FROM tickets WHERE {IsOpenSql} AND assigned_to_id = ANY($1) GROUP BY assigned_to_id");
        read.Parameters.Add(new() { Value = counts.Keys.ToArray() });
        using var reader = read.ExecuteReader();
        while (reader.Read()) counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <inheritdoc/>
    public IReadOnlyList<Ticket> AwaitingAcceptance()
    {
        using var read = database.CreateCommand($"SELECT {TicketRow.Selected} FROM tickets WHERE auto_assigned_at IS NOT NULL AND {IsOpenSql} ORDER BY auto_assigned_at, id");
        return TicketRow.ReadAll(read);
    }

    /// <inheritdoc/>
    public (IReadOnlyList<Ticket> Tickets, bool More) Search(string? text, int take = 50)
    {
        var term = (text ?? "").Trim();
        if (term.Length > ITicketStore.MaxSearchChars) term = term[..ITicketStore.MaxSearchChars];
        if (term.Length == 0) return ([], false);
        if (Ticket.IdFor(term) is { } id) return (Get(id) is { } exact ? [exact] : [], false);
        // A scan in id order, newest first, stopped after take + 1 matches (as on LiteDB); staff search rarely.
        using var read = database.CreateCommand($"""
            SELECT {TicketRow.Selected} FROM tickets
            WHERE customer_email ILIKE $1 OR doc->'Customer'->>'Name' ILIKE $1 OR doc->'Customer'->>'Email' ILIKE $1
               OR EXISTS (SELECT 1 FROM jsonb_array_elements(doc->'Transcript') e WHERE e->>'Text' ILIKE $1)
            ORDER BY id DESC LIMIT $2
            """);
        read.Parameters.Add(new() { Value = "%" + term + "%" });
        read.Parameters.Add(new() { Value = take + 1 });
        var found = TicketRow.ReadAll(read);
        return (found.Take(take).ToArray(), found.Count > take);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Ticket> ForCustomer(string? customerId, string? email, int exceptId, int take = 20)
    {
        if (string.IsNullOrEmpty(customerId) && string.IsNullOrEmpty(email)) return [];
        using var read = database.CreateCommand($"""
            SELECT {TicketRow.Selected} FROM tickets
            WHERE (customer_id = $1 OR customer_email = $2) AND id <> $3
            ORDER BY created_at DESC, id DESC LIMIT $4
            """);
        read.Parameters.Add(new() { Value = string.IsNullOrEmpty(customerId) ? DBNull.Value : customerId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        read.Parameters.Add(new() { Value = string.IsNullOrEmpty(email) ? DBNull.Value : email, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        read.Parameters.Add(new() { Value = exceptId });
        read.Parameters.Add(new() { Value = take });
        return TicketRow.ReadAll(read);
    }

    /// <inheritdoc/>
    public Ticket? Latest(string conversationId, string? customerId)
    {
        var order = $"ORDER BY ({IsOpenSql}) DESC, created_at DESC, id DESC LIMIT 1";
        using var byConversation = database.CreateCommand($"SELECT {TicketRow.Selected} FROM tickets WHERE conversation_id = $1 {order}");
        byConversation.Parameters.Add(new() { Value = conversationId });
        var found = TicketRow.ReadAll(byConversation).FirstOrDefault();
        if (found is not null || string.IsNullOrEmpty(customerId)) return found;
        using var byCustomer = database.CreateCommand($"SELECT {TicketRow.Selected} FROM tickets WHERE customer_id = $1 {order}");
        byCustomer.Parameters.Add(new() { Value = customerId });
        return TicketRow.ReadAll(byCustomer).FirstOrDefault();
    }

    /// <inheritdoc/>
    public IReadOnlyList<Ticket> Of(PersonalDataSubject subject)
    {
        // The indexed columns narrow it down; the subject's own rules (trimmed, case-insensitive e-mail) decide.
        using var read = database.CreateCommand($"""
            SELECT {TicketRow.Selected} FROM tickets
            WHERE lower(btrim(customer_email)) = $1 OR lower(btrim(doc->'Customer'->>'Email')) = $1
               OR customer_id = $2 OR user_id = ANY($3) OR conversation_id = ANY($4)
            ORDER BY id
            """);
        read.Parameters.Add(new() { Value = (object?)subject.Email ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        read.Parameters.Add(new() { Value = (object?)subject.CustomerId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        read.Parameters.Add(new() { Value = subject.UserIds.ToArray() });
        read.Parameters.Add(new() { Value = subject.ConversationIds.ToArray() });
        return TicketRow.ReadAll(read).Where(t => subject.HasEmail(t.CustomerEmail) || subject.HasEmail(t.Customer?.Email)
            || (subject.CustomerId is { } id && t.Customer?.Id == id)
            || subject.UserIds.Contains(t.UserId) || subject.ConversationIds.Contains(t.ConversationId)).ToArray();
    }

    private static NpgsqlBatchCommand Command(string sql, IReadOnlyList<object> values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var v in values) command.Parameters.Add(new() { Value = v });
        return command;
    }
}
