using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>
/// The insight aggregates in LiteDB: one summary row per conversation (<c>insight_conversations</c>), the counters
/// of each day (<c>insight_days</c>) and of each week (<c>insight_weeks</c>). Saving a row moves its day's and week's
/// counters by the change in what the row adds, so the dashboard reads one row per week of its range (plus the days
/// of the partial weeks at its ends), never the turns.
/// </summary>
public sealed class LiteDbInsightStore : IInsightStore
{
    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<ConversationInsight> _rows;
    private readonly ILiteCollection<InsightDay> _days;
    private readonly ILiteCollection<InsightWeek> _weeks;
    private readonly Lock _gate = new();

    public LiteDbInsightStore(ILiteDatabase database)
    {
        _db = database;
        _rows = database.GetCollection<ConversationInsight>("insight_conversations");
        _rows.EnsureIndex(r => r.UserId);
        _rows.EnsureIndex(r => r.Day);
        _days = database.GetCollection<InsightDay>("insight_days");
        _weeks = database.GetCollection<InsightWeek>("insight_weeks");
        // A store from before week rows: build them once from the day rows (a few hundred rows, at start).
        if (_weeks.Count() == 0 && _days.Count() > 0) SeedWeeks(_days.FindAll());
    }

    /// <summary>The row of a conversation, if one was kept (tests).</summary>
    public ConversationInsight? Get(string conversationId) => _rows.FindById(conversationId);

    /// <inheritdoc/>
    /// <remarks>Under one lock, so two conversations of the same day cannot lose each other's counts.</remarks>
    public ConversationInsight Update(string conversationId, Func<ConversationInsight?, ConversationInsight> change,
        Func<ConversationInsight, Dictionary<string, long>> contribution)
    {
        lock (_gate)
        {
            var row = change(_rows.FindById(conversationId));
            var now = contribution(row);
            var day = _days.FindById(row.Day) ?? new InsightDay { Day = row.Day };
            var date = DateOnly.FromDateTime(row.Day);
            var monday = InsightWeek.MondayOf(date).ToDateTime(TimeOnly.MinValue);
            var week = _weeks.FindById(monday) ?? new InsightWeek { Monday = monday };
            foreach (var key in row.Counted.Keys.Union(now.Keys))
            {
                var moved = now.GetValueOrDefault(key) - row.Counted.GetValueOrDefault(key);
                if (moved == 0) continue;
                var value = day.Counters.GetValueOrDefault(key) + moved;
                if (value == 0) day.Counters.Remove(key); else day.Counters[key] = value;
                week.Move(date, key, moved);
            }
            row.Counted = now;
            // All three rows or none; inside a caller's transaction, as part of it.
            var own = _db.BeginTrans();
            try
            {
                _days.Upsert(day);
                _weeks.Upsert(week);
                _rows.Upsert(row);
                if (own) _db.Commit();
            }
            catch
            {
                if (own) _db.Rollback();
                throw;
            }
            return row;
        }
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> RecentlyAnswered(string userId, string exceptId, DateTime since) =>
        _rows.Find(r => r.UserId == userId).Where(r => r.Id != exceptId && r.LastAnswerAt >= since).Select(r => r.Id).ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<InsightDay> Days(DateOnly from, DateOnly to)
    {
        var a = from.ToDateTime(TimeOnly.MinValue);
        var b = to.ToDateTime(TimeOnly.MinValue);
        return _days.Find(Query.Between("_id", a, b)).OrderBy(d => d.Day).ToArray();
    }

    /// <inheritdoc/>
    public IReadOnlyList<InsightDay> RolledUp(DateOnly from, DateOnly to) => InsightWeek.RollUp(from, to, Days,
        (first, last) => _weeks.Find(Query.Between("_id", first.ToDateTime(TimeOnly.MinValue), last.ToDateTime(TimeOnly.MinValue))));

    /// <inheritdoc/>
    public IEnumerable<ConversationInsight> Conversations(DateOnly from, DateOnly to)
    {
        var a = from.ToDateTime(TimeOnly.MinValue);
        var b = to.ToDateTime(TimeOnly.MinValue);
        return _rows.Find(Query.Between(nameof(ConversationInsight.Day), a, b));
    }

    /// <inheritdoc/>
    public IReadOnlyList<ConversationInsight> Of(Privacy.PersonalDataSubject subject) =>
        [.. _rows.FindAll().Where(r => subject.ConversationIds.Contains(r.Id) || subject.UserIds.Contains(r.UserId))];

    /// <inheritdoc/>
    public int Anonymise(IEnumerable<string> ids)
    {
        lock (_gate)
        {
            var n = 0;
            foreach (var id in ids)
            {
                if (_rows.FindById(id) is not { } row) continue;
                _rows.Delete(id);
                row.Id = "erased-" + Guid.NewGuid().ToString("N");
                row.UserId = "";
                _rows.Insert(row);
                n++;
            }
            return n;
        }
    }

    /// <summary>Writes day counters directly, and their weeks' (the benchmark's seeding).</summary>
    public void SeedDays(IEnumerable<InsightDay> days)
    {
        var list = days.ToArray();
        _days.Upsert(list);
        SeedWeeks(list);
    }

    // Adds the days' counters to their weeks.
    private void SeedWeeks(IEnumerable<InsightDay> days)
    {
        lock (_gate)
        {
            foreach (var group in days.GroupBy(d => InsightWeek.MondayOf(DateOnly.FromDateTime(d.Day))))
            {
                var monday = group.Key.ToDateTime(TimeOnly.MinValue);
                var week = _weeks.FindById(monday) ?? new InsightWeek { Monday = monday };
                foreach (var day in group)
                    foreach (var (key, value) in day.Counters) week.Move(DateOnly.FromDateTime(day.Day), key, value);
                _weeks.Upsert(week);
            }
        }
    }

    /// <summary>Writes rows directly without moving counters (the benchmark's seeding).</summary>
    public void SeedRows(IEnumerable<ConversationInsight> rows) => _rows.InsertBulk(rows);
}
