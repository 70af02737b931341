using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Insight;
using SmbBot.Core.Privacy;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Insight;

/// <summary>
/// The insight aggregates in PostgreSQL: conversation rows (<c>insight_conversations</c>, the row as JSONB beside the
/// columns read by), and day and week counters as one row per counter (<c>insight_days</c>, <c>insight_weeks</c>,
/// <c>insight_week_days</c>). <see cref="Update"/> holds the conversation's advisory lock for its transaction, so two
/// hosts changing one row take turns, and moves every counter with one upsert that adds, so none loses a count.
/// </summary>
public sealed partial class PostgreSqlInsightStore(NpgsqlDataSource database) : IInsightStore
{
    /// <summary>The first key of the advisory locks of conversation rows (the second is the id's hash).</summary>
    private const int RowLockClass = 0x496E73; // "Ins"

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <inheritdoc/>
    public ConversationInsight Update(string conversationId, Func<ConversationInsight?, ConversationInsight> change,
        Func<ConversationInsight, Dictionary<string, long>> contribution)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        LockRow(connection, conversationId);
        ConversationInsight? current;
        using (var read = new NpgsqlCommand("SELECT id, user_id, doc FROM insight_conversations WHERE id = $1", connection) { Parameters = { P(conversationId) } })
        using (var reader = read.ExecuteReader())
            current = reader.Read() ? Row(reader) : null;

        var row = change(current);
        var now = contribution(row);
        var moved = row.Counted.Keys.Union(now.Keys)
            .Select(key => (Key: key, By: now.GetValueOrDefault(key) - row.Counted.GetValueOrDefault(key)))
            .Where(m => m.By != 0)
            .OrderBy(m => m.Key, StringComparer.Ordinal) // one order on every host: no deadlock between two
            .ToArray();
        row.Counted = now;

        using var batch = new NpgsqlBatch(connection);
        if (moved.Length > 0) MoveCounters(batch, DateOnly.FromDateTime(row.Day), moved);
        batch.BatchCommands.Add(Command("""
            INSERT INTO insight_conversations (id, user_id, day, last_answer_at, doc) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (id) DO UPDATE SET user_id = $2, day = $3, last_answer_at = $4, doc = $5
            """, P(row.Id), P(row.UserId ?? ""), P(DateOnly.FromDateTime(row.Day)), Time(row.LastAnswerAt),
            new NpgsqlParameter { Value = JsonSerializer.Serialize(row, Json), NpgsqlDbType = NpgsqlDbType.Jsonb }));
        batch.ExecuteNonQuery();
        transaction.Commit();
        return row;
    }

    // Each counter is one row; the upsert adds to it in the statement, so counts from other hosts are never overwritten.
    private static void MoveCounters(NpgsqlBatch batch, DateOnly day, (string Key, long By)[] moved)
    {
        var monday = InsightWeek.MondayOf(day);
        var perDay = moved.Where(m => InsightKeys.PerDay.Contains(m.Key)).ToArray();
        batch.BatchCommands.Add(Command("""
            INSERT INTO insight_days (day, key, value) SELECT $1, k, v FROM unnest($2::text[], $3::bigint[]) AS m(k, v)
            ON CONFLICT (day, key) DO UPDATE SET value = insight_days.value + excluded.value
            """, P(day), P(moved.Select(m => m.Key).ToArray()), P(moved.Select(m => m.By).ToArray())));
        batch.BatchCommands.Add(Command("""
            INSERT INTO insight_weeks (monday, key, value) SELECT $1, k, v FROM unnest($2::text[], $3::bigint[]) AS m(k, v)
            ON CONFLICT (monday, key) DO UPDATE SET value = insight_weeks.value + excluded.value
            """, P(monday), P(moved.Select(m => m.Key).ToArray()), P(moved.Select(m => m.By).ToArray())));
        if (perDay.Length == 0) return;
        batch.BatchCommands.Add(Command("""
            INSERT INTO insight_week_days (monday, key, weekday, value) SELECT $1, k, $4, v FROM unnest($2::text[], $3::bigint[]) AS m(k, v)
            ON CONFLICT (monday, key, weekday) DO UPDATE SET value = insight_week_days.value + excluded.value
            """, P(monday), P(perDay.Select(m => m.Key).ToArray()), P(perDay.Select(m => m.By).ToArray()), P((short)(day.DayNumber - monday.DayNumber))));
    }

    /// <inheritdoc/>
    public int Anonymise(IEnumerable<string> ids)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var n = 0;
        foreach (var id in ids.Distinct())
        {
            LockRow(connection, id);
            var erased = "erased-" + Guid.NewGuid().ToString("N");
            using var anonymise = new NpgsqlCommand("""
                UPDATE insight_conversations SET id = $2, user_id = '', doc = doc || jsonb_build_object('Id', $2::text, 'UserId', '')
                WHERE id = $1
                """, connection) { Parameters = { P(id), P(erased) } };
            n += anonymise.ExecuteNonQuery();
        }
        transaction.Commit();
        return n;
    }

    private static void LockRow(NpgsqlConnection connection, string conversationId)
    {
        using var lockRow = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection) { Parameters = { P(RowLockClass), P(conversationId) } };
        lockRow.ExecuteNonQuery();
    }

    private static ConversationInsight Row(NpgsqlDataReader reader)
    {
        var row = JsonSerializer.Deserialize<ConversationInsight>(reader.GetString(2), Json)!;
        (row.Id, row.UserId) = (reader.GetString(0), reader.GetString(1));
        return row;
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static NpgsqlParameter P(object value) => new() { Value = value };

    private static NpgsqlParameter Time(DateTime? time) =>
        new() { Value = time is { } t ? TicketRow.Utc(t) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
