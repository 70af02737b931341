using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Conversations;
using SmbBot.Core.Privacy;

namespace SmbBot.PostgreSql.Conversations;

/// <summary>
/// Conversation memory in PostgreSQL (table <c>conversations</c>): the columns the janitor and the privacy search read,
/// derived from the record at every save, and the whole record as JSONB. A save replaces the stored record in one
/// statement (an upsert).
/// </summary>
public sealed class PostgreSqlConversationStore(NpgsqlDataSource database) : IConversationStore
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <inheritdoc/>
    public ConversationRecord Load(string conversationId)
    {
        using var read = database.CreateCommand("SELECT doc FROM conversations WHERE id = $1");
        read.Parameters.Add(new() { Value = conversationId });
        return read.ExecuteScalar() is string doc ? Read(conversationId, doc) : new ConversationRecord { Id = conversationId };
    }

    /// <inheritdoc/>
    public void Save(ConversationRecord record)
    {
        using var save = database.CreateCommand("""
            INSERT INTO conversations (id, user_id, email, customer_id, open_ticket_id, updated_at, doc) VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (id) DO UPDATE SET user_id = $2, email = $3, customer_id = $4, open_ticket_id = $5, updated_at = $6, doc = $7
            """);
        var p = save.Parameters;
        p.Add(new() { Value = record.Id });
        p.Add(new() { Value = record.UserId });
        p.Add(new() { Value = (object?)record.Email ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = (object?)record.CustomerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = (object?)record.OpenTicketId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(new() { Value = Utc(record.UpdatedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = JsonSerializer.Serialize(record, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        save.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConversationRecord> Of(PersonalDataSubject subject)
    {
        // The indexed columns narrow it down; the subject's own rules (trimmed, case-insensitive e-mail) decide.
        using var read = database.CreateCommand("""
            SELECT id, doc FROM conversations
            WHERE id = ANY($1) OR user_id = ANY($2) OR lower(btrim(email)) = $3 OR customer_id = $4
            ORDER BY id
            """);
        read.Parameters.Add(new() { Value = subject.ConversationIds.ToArray() });
        read.Parameters.Add(new() { Value = subject.UserIds.ToArray() });
        read.Parameters.Add(new() { Value = (object?)subject.Email ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        read.Parameters.Add(new() { Value = (object?)subject.CustomerId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var found = new List<ConversationRecord>();
        using (var reader = read.ExecuteReader())
            while (reader.Read()) found.Add(Read(reader.GetString(0), reader.GetString(1)));
        return found.Where(r => subject.ConversationIds.Contains(r.Id) || subject.UserIds.Contains(r.UserId)
            || subject.HasEmail(r.Email) || (subject.CustomerId is { } id && r.CustomerId == id)).ToArray();
    }

    /// <inheritdoc/>
    public int Delete(IEnumerable<string> ids)
    {
        using var delete = database.CreateCommand("DELETE FROM conversations WHERE id = ANY($1)");
        delete.Parameters.Add(new() { Value = ids.Distinct().ToArray() });
        return delete.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public int DeleteIdle(DateTime cutoff)
    {
        using var delete = database.CreateCommand("DELETE FROM conversations WHERE updated_at < $1 AND open_ticket_id IS NULL");
        delete.Parameters.Add(new() { Value = Utc(cutoff), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return delete.ExecuteNonQuery();
    }

    private static ConversationRecord Read(string id, string doc)
    {
        var record = JsonSerializer.Deserialize<ConversationRecord>(doc, Json)!;
        record.Id = id;
        return record;
    }

    private static DateTime Utc(DateTime time) => Tickets.TicketRow.Utc(time);
}
