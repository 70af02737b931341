using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Insight;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Insight;

/// <summary>The unanswered inbox's changes in PostgreSQL (table <c>insight_inbox_changes</c>).</summary>
public sealed class PostgreSqlInboxChangeStore(NpgsqlDataSource database) : IInboxChangeStore
{
    /// <inheritdoc/>
    public void Add(InboxChange change)
    {
        using var insert = database.CreateCommand("""
            INSERT INTO insight_inbox_changes (at, actor, action, faq_id, example, messages, share_before, centroid)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """);
        var p = insert.Parameters;
        p.Add(new() { Value = TicketRow.Utc(change.At), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = change.Actor });
        p.Add(new() { Value = change.Action });
        p.Add(new() { Value = (object?)change.FaqId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = change.Example });
        p.Add(new() { Value = change.Messages });
        p.Add(new() { Value = change.ShareBefore });
        p.Add(new() { Value = change.Centroid ?? [], NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        change.Id = (int)insert.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public IReadOnlyList<InboxChange> Latest(int count)
    {
        using var read = database.CreateCommand("""
            SELECT id, at, actor, action, faq_id, example, messages, share_before, centroid FROM insight_inbox_changes
            ORDER BY at DESC, id DESC LIMIT $1
            """);
        read.Parameters.Add(new() { Value = Math.Max(0, count) });
        var changes = new List<InboxChange>();
        using var r = read.ExecuteReader();
        while (r.Read())
            changes.Add(new InboxChange
            {
                Id = r.GetInt32(0), At = r.GetDateTime(1), Actor = r.GetString(2), Action = r.GetString(3), FaqId = r.IsDBNull(4) ? null : r.GetString(4),
                Example = r.GetString(5), Messages = r.GetInt32(6), ShareBefore = r.GetDouble(7), Centroid = r.GetFieldValue<float[]>(8),
            });
        return changes;
    }
}
