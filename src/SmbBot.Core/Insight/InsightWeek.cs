using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>
/// The counters of one week, Monday to Sunday (collection <c>insight_weeks</c>), moved with its days' counters so a
/// long range reads one row a week. The counters a day needs on its own (the trend's and the 7-day rule's,
/// <see cref="InsightKeys.PerDay"/>) are also kept per weekday.
/// </summary>
public sealed class InsightWeek
{
    /// <summary>The week's Monday (local date, at midnight).</summary>
    [BsonId] public DateTime Monday { get; set; }

    /// <summary>The week's counters added up.</summary>
    public Dictionary<string, long> Counters { get; set; } = [];

    /// <summary>For each <see cref="InsightKeys.PerDay"/> key, its value Monday (0) to Sunday (6).</summary>
    public Dictionary<string, long[]> ByWeekday { get; set; } = [];

    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// The counters from <paramref name="from"/> to <paramref name="to"/> as day rows: the weeks wholly inside the range
    /// from <paramref name="weeks"/> (the rows whose Monday is within the two dates given, as <see cref="AsDays"/>),
    /// the days of the partial weeks at either end from <paramref name="days"/> (a range of dates, inclusive).
    /// </summary>
    public static IReadOnlyList<InsightDay> RollUp(DateOnly from, DateOnly to, Func<DateOnly, DateOnly, IReadOnlyList<InsightDay>> days,
        Func<DateOnly, DateOnly, IEnumerable<InsightWeek>> weeks)
    {
        var firstMonday = MondayOf(from) == from ? from : MondayOf(from).AddDays(7);
        var lastSunday = MondayOf(to).AddDays(6) == to ? to : MondayOf(to).AddDays(-1);
        if (lastSunday < firstMonday) return days(from, to);
        var whole = weeks(firstMonday, lastSunday);
        IEnumerable<InsightDay> head = from < firstMonday ? days(from, firstMonday.AddDays(-1)) : [];
        IEnumerable<InsightDay> tail = lastSunday < to ? days(lastSunday.AddDays(1), to) : [];
        return [.. head.Concat(whole.SelectMany(w => w.AsDays()).Where(d => d.Counters.Count > 0)).Concat(tail).OrderBy(d => d.Day)];
    }

    /// <summary>Moves <paramref name="key"/> on <paramref name="day"/> (a date of this week) by <paramref name="moved"/>.</summary>
    public void Move(DateOnly day, string key, long moved)
    {
        var value = Counters.GetValueOrDefault(key) + moved;
        if (value == 0) Counters.Remove(key); else Counters[key] = value;
        if (!InsightKeys.PerDay.Contains(key)) return;
        var byDay = ByWeekday.TryGetValue(key, out var a) ? a : ByWeekday[key] = new long[7];
        byDay[day.DayNumber - MondayOf(day).DayNumber] += moved;
        if (byDay.All(v => v == 0)) ByWeekday.Remove(key);
    }

    /// <summary>
    /// The week as day rows that add up to the same figures: each day with its own <see cref="InsightKeys.PerDay"/>
    /// counters, the Monday also with the week's other counters (hours, FAQ, tickets, ratings, reasons).
    /// </summary>
    public IEnumerable<InsightDay> AsDays()
    {
        var monday = DateOnly.FromDateTime(Monday);
        for (var i = 0; i < 7; i++)
        {
            var day = new InsightDay { Day = monday.AddDays(i).ToDateTime(TimeOnly.MinValue) };
            foreach (var (key, values) in ByWeekday)
                if (values[i] != 0) day.Counters[key] = values[i];
            if (i == 0)
                foreach (var (key, value) in Counters)
                    if (!InsightKeys.PerDay.Contains(key)) day.Counters[key] = value;
            yield return day;
        }
    }
}
