using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Insight;
using SmbBot.Core.Privacy;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Insight;

/// <summary>The unanswered inbox's messages in PostgreSQL (table <c>insight_unanswered</c>); ids from the table's identity.</summary>
public sealed class PostgreSqlUnansweredStore(NpgsqlDataSource database) : IUnansweredStore
{
    private const string Columns = "id, at, conversation_id, user_id, text, unsure, vector, status, faq_id";

    /// <inheritdoc/>
    public void Add(UnansweredMessage message)
    {
        // An id given by the caller is kept, as LiteDB keeps it; 0 takes the next one.
        using var insert = database.CreateCommand("""
            INSERT INTO insight_unanswered (id, at, conversation_id, user_id, text, unsure, vector, status, faq_id)
            VALUES (coalesce(nullif($1, 0), nextval(pg_get_serial_sequence('insight_unanswered', 'id'))::integer), $2, $3, $4, $5, $6, $7, $8, $9)
            RETURNING id
            """);
        AddValues(insert.Parameters, message);
        message.Id = (int)insert.ExecuteScalar()!;
    }

    /// <inheritdoc/>
    public void SuggestionTaken(string conversationId)
    {
        // The conversation's latest message, only if it was a "did you mean" still open: one statement.
        using var delete = database.CreateCommand("""
            DELETE FROM insight_unanswered
            WHERE id = (SELECT id FROM insight_unanswered WHERE conversation_id = $1 ORDER BY at DESC, id DESC LIMIT 1)
              AND unsure AND status = 'Open'
            """);
        delete.Parameters.Add(new() { Value = conversationId });
        delete.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<UnansweredMessage> Since(DateTime since) =>
        Read($"SELECT {Columns} FROM insight_unanswered WHERE at >= $1 ORDER BY at DESC, id DESC",
            new NpgsqlParameter { Value = TicketRow.Utc(since), NpgsqlDbType = NpgsqlDbType.TimestampTz });

    /// <inheritdoc/>
    public void Update(IEnumerable<UnansweredMessage> messages)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var message in messages)
        {
            using var update = new NpgsqlCommand("""
                UPDATE insight_unanswered SET at = $2, conversation_id = $3, user_id = $4, text = $5, unsure = $6, vector = $7, status = $8, faq_id = $9
                WHERE id = $1
                """, connection, transaction);
            AddValues(update.Parameters, message);
            update.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <inheritdoc/>
    public IReadOnlyList<UnansweredMessage> Of(PersonalDataSubject subject) =>
        Read($"SELECT {Columns} FROM insight_unanswered WHERE conversation_id = ANY($1) OR user_id = ANY($2) ORDER BY id",
            new NpgsqlParameter { Value = subject.ConversationIds.ToArray() }, new NpgsqlParameter { Value = subject.UserIds.ToArray() });

    /// <inheritdoc/>
    public int Delete(IEnumerable<int> ids)
    {
        using var delete = database.CreateCommand("DELETE FROM insight_unanswered WHERE id = ANY($1)");
        delete.Parameters.Add(new() { Value = ids.Distinct().ToArray() });
        return delete.ExecuteNonQuery();
    }

    private static void AddValues(NpgsqlParameterCollection p, UnansweredMessage m)
    {
        p.Add(new() { Value = m.Id });
        p.Add(new() { Value = TicketRow.Utc(m.At), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = m.ConversationId });
        p.Add(new() { Value = m.UserId });
        p.Add(new() { Value = m.Text });
        p.Add(new() { Value = m.Unsure });
        p.Add(new() { Value = (object?)m.Vector ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
        p.Add(new() { Value = m.Status.ToString() });
        p.Add(new() { Value = (object?)m.FaqId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }

    private List<UnansweredMessage> Read(string sql, params NpgsqlParameter[] parameters)
    {
        using var read = database.CreateCommand(sql);
        read.Parameters.AddRange(parameters);
        var found = new List<UnansweredMessage>();
        using var r = read.ExecuteReader();
        while (r.Read())
            found.Add(new UnansweredMessage
            {
                Id = r.GetInt32(0), At = r.GetDateTime(1), ConversationId = r.GetString(2), UserId = r.GetString(3), Text = r.GetString(4),
                Unsure = r.GetBoolean(5), Vector = r.IsDBNull(6) ? null : r.GetFieldValue<float[]>(6),
                Status = Enum.Parse<UnansweredStatus>(r.GetString(7)), FaqId = r.IsDBNull(8) ? null : r.GetString(8),
            });
        return found;
    }
}
