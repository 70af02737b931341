using Npgsql;
using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;

namespace SmbBot.PostgreSql.Outbox;

public sealed partial class PostgreSqlOutboxStore
{
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
}
