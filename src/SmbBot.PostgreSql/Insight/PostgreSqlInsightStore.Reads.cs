using Npgsql;
using SmbBot.Core.Insight;
using SmbBot.Core.Privacy;

namespace SmbBot.PostgreSql.Insight;

public sealed partial class PostgreSqlInsightStore
{
    /// <inheritdoc/>
    public IReadOnlyList<string> RecentlyAnswered(string userId, string exceptId, DateTime since)
    {
        using var read = database.CreateCommand("SELECT id FROM insight_conversations WHERE user_id = $1 AND id <> $2 AND last_answer_at >= $3 ORDER BY id");
        read.Parameters.AddRange(new[] { P(userId), P(exceptId), Time(since) });
        var ids = new List<string>();
        using var reader = read.ExecuteReader();
        while (reader.Read()) ids.Add(reader.GetString(0));
        return ids;
    }

    /// <inheritdoc/>
    public IReadOnlyList<InsightDay> Days(DateOnly from, DateOnly to)
    {
        using var read = database.CreateCommand("SELECT day, key, value FROM insight_days WHERE day BETWEEN $1 AND $2 AND value <> 0 ORDER BY day");
        read.Parameters.AddRange(new[] { P(from), P(to) });
        var days = new List<InsightDay>();
        using var reader = read.ExecuteReader();
        while (reader.Read())
        {
            var day = reader.GetFieldValue<DateOnly>(0).ToDateTime(TimeOnly.MinValue);
            if (days.Count == 0 || days[^1].Day != day) days.Add(new InsightDay { Day = day });
            days[^1].Counters[reader.GetString(1)] = reader.GetInt64(2);
        }
        return days;
    }

    /// <inheritdoc/>
    public IReadOnlyList<InsightDay> RolledUp(DateOnly from, DateOnly to) => InsightWeek.RollUp(from, to, Days, Weeks);

    // The week rows whose Monday is from first to last: their counters and their weekdays' in one round trip.
    private List<InsightWeek> Weeks(DateOnly first, DateOnly last)
    {
        using var connection = database.OpenConnection();
        using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                Command("SELECT monday, key, value FROM insight_weeks WHERE monday BETWEEN $1 AND $2 AND value <> 0", P(first), P(last)),
                Command("SELECT monday, key, weekday, value FROM insight_week_days WHERE monday BETWEEN $1 AND $2 AND value <> 0", P(first), P(last)),
            },
        };
        var weeks = new Dictionary<DateOnly, InsightWeek>();
        InsightWeek Week(DateOnly monday) => weeks.TryGetValue(monday, out var w) ? w : weeks[monday] = new InsightWeek { Monday = monday.ToDateTime(TimeOnly.MinValue) };
        using var reader = batch.ExecuteReader();
        while (reader.Read()) Week(reader.GetFieldValue<DateOnly>(0)).Counters[reader.GetString(1)] = reader.GetInt64(2);
        reader.NextResult();
        while (reader.Read())
        {
            var week = Week(reader.GetFieldValue<DateOnly>(0));
            var byDay = week.ByWeekday.TryGetValue(reader.GetString(1), out var a) ? a : week.ByWeekday[reader.GetString(1)] = new long[7];
            byDay[reader.GetInt16(2)] = reader.GetInt64(3);
        }
        return [.. weeks.Values.OrderBy(w => w.Monday)];
    }

    /// <inheritdoc/>
    public IEnumerable<ConversationInsight> Conversations(DateOnly from, DateOnly to) =>
        Rows("SELECT id, user_id, doc FROM insight_conversations WHERE day BETWEEN $1 AND $2 ORDER BY day, id", P(from), P(to));

    /// <inheritdoc/>
    public IReadOnlyList<ConversationInsight> Of(PersonalDataSubject subject) =>
        Rows("SELECT id, user_id, doc FROM insight_conversations WHERE id = ANY($1) OR user_id = ANY($2) ORDER BY id",
            P(subject.ConversationIds.ToArray()), P(subject.UserIds.ToArray()));

    private List<ConversationInsight> Rows(string sql, params NpgsqlParameter[] parameters)
    {
        using var read = database.CreateCommand(sql);
        read.Parameters.AddRange(parameters);
        var rows = new List<ConversationInsight>();
        using var reader = read.ExecuteReader();
        while (reader.Read()) rows.Add(Row(reader));
        return rows;
    }
}
