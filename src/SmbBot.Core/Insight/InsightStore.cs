using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>
/// The insight aggregates in LiteDB: one summary row per conversation (<c>insight_conversations</c>) and the counters
/// of each day (<c>insight_days</c>). Saving a row moves its day's counters by the change in what the row adds, so the
/// dashboard reads a few hundred day rows at most, never the turns.
/// </summary>
public sealed class InsightStore
{
    private readonly ILiteDatabase _db;
    private readonly ILiteCollection<ConversationInsight> _rows;
    private readonly ILiteCollection<InsightDay> _days;
    private readonly Lock _gate = new();

    public InsightStore(ILiteDatabase database)
    {
        _db = database;
        _rows = database.GetCollection<ConversationInsight>("insight_conversations");
        _rows.EnsureIndex(r => r.UserId);
        _rows.EnsureIndex(r => r.Day);
        _days = database.GetCollection<InsightDay>("insight_days");
    }

    /// <summary>The row of a conversation, if one was kept.</summary>
    public ConversationInsight? Get(string conversationId) => _rows.FindById(conversationId);

    /// <summary>
    /// Changes (or starts) the row of <paramref name="conversationId"/> and moves its day's counters to match, under
    /// one lock so two conversations of the same day cannot lose each other's counts.
    /// </summary>
    public ConversationInsight Update(string conversationId, Func<ConversationInsight?, ConversationInsight> change,
        Func<ConversationInsight, Dictionary<string, long>> contribution)
    {
        lock (_gate)
        {
            var row = change(_rows.FindById(conversationId));
            var now = contribution(row);
            var day = _days.FindById(row.Day) ?? new InsightDay { Day = row.Day };
            foreach (var key in row.Counted.Keys.Union(now.Keys))
            {
                var moved = now.GetValueOrDefault(key) - row.Counted.GetValueOrDefault(key);
                if (moved == 0) continue;
                var value = day.Counters.GetValueOrDefault(key) + moved;
                if (value == 0) day.Counters.Remove(key); else day.Counters[key] = value;
            }
            row.Counted = now;
            // Both rows or neither; inside a caller's transaction, as part of it.
            var own = _db.BeginTrans();
            try
            {
                _days.Upsert(day);
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

    /// <summary>Ids of the user's other conversations with an answer since <paramref name="since"/>.</summary>
    public IReadOnlyList<string> RecentlyAnswered(string userId, string exceptId, DateTime since) =>
        _rows.Find(r => r.UserId == userId).Where(r => r.Id != exceptId && r.LastAnswerAt >= since).Select(r => r.Id).ToArray();

    /// <summary>The day counters from <paramref name="from"/> to <paramref name="to"/> (local dates, inclusive).</summary>
    public IReadOnlyList<InsightDay> Days(DateOnly from, DateOnly to)
    {
        var a = from.ToDateTime(TimeOnly.MinValue);
        var b = to.ToDateTime(TimeOnly.MinValue);
        return _days.Find(Query.Between("_id", a, b)).OrderBy(d => d.Day).ToArray();
    }

    /// <summary>The conversation rows counted on days <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public IEnumerable<ConversationInsight> Conversations(DateOnly from, DateOnly to)
    {
        var a = from.ToDateTime(TimeOnly.MinValue);
        var b = to.ToDateTime(TimeOnly.MinValue);
        return _rows.Find(Query.Between(nameof(ConversationInsight.Day), a, b));
    }

    /// <summary>Rows of these conversations or users (for a customer's data export and erasure).</summary>
    public IReadOnlyList<ConversationInsight> Of(Privacy.PersonalDataSubject subject) =>
        [.. _rows.FindAll().Where(r => subject.ConversationIds.Contains(r.Id) || subject.UserIds.Contains(r.UserId))];

    /// <summary>
    /// Forgets who a row belongs to: its user id goes, its counts stay (they name no one). Returns how many rows.
    /// </summary>
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

    /// <summary>Writes day counters directly (the benchmark's seeding).</summary>
    public void SeedDays(IEnumerable<InsightDay> days) => _days.Upsert(days);

    /// <summary>Writes rows directly without moving counters (the benchmark's seeding).</summary>
    public void SeedRows(IEnumerable<ConversationInsight> rows) => _rows.InsertBulk(rows);
}
