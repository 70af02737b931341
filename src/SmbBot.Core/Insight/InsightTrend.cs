namespace SmbBot.Core.Insight;

/// <summary>One point of a trend: a day, or a week starting on Monday.</summary>
public sealed record TrendPoint(DateOnly Start, long Conversations, long Resolved, long Awaiting, long Reopened, long HandedOver, long Unanswered);

/// <summary>The headline counts per day and per week, for the trend charts.</summary>
public static class InsightTrend
{
    /// <summary>One point per date of <paramref name="range"/>, zeros where nothing was counted.</summary>
    public static IReadOnlyList<TrendPoint> Daily(IReadOnlyList<InsightDay> days, InsightRange range, DateOnly today)
    {
        var byDay = days.ToDictionary(d => DateOnly.FromDateTime(d.Day));
        var settledBy = today.AddDays(-InsightDefinitions.ReopenWindow.Days);
        var unconfirmed = InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed);
        return [.. range.Dates.Select(date =>
        {
            var d = byDay.GetValueOrDefault(date) ?? new InsightDay();
            var settled = date <= settledBy;
            return new TrendPoint(date, d[InsightKeys.Conversations],
                d[InsightKeys.Outcome(BotOutcome.Confirmed)] + (settled ? d[unconfirmed] : 0), settled ? 0 : d[unconfirmed],
                d[InsightKeys.Outcome(BotOutcome.Reopened)], d[InsightKeys.HandedOver], d[InsightKeys.Unanswered]);
        })];
    }

    /// <summary>The daily points added up by week (Monday to Sunday; the first and last weeks may be partial).</summary>
    public static IReadOnlyList<TrendPoint> Weekly(IReadOnlyList<TrendPoint> daily) =>
        [.. daily.GroupBy(p => p.Start.AddDays(-(((int)p.Start.DayOfWeek + 6) % 7))).Select(g => new TrendPoint(g.Key,
            g.Sum(p => p.Conversations), g.Sum(p => p.Resolved), g.Sum(p => p.Awaiting), g.Sum(p => p.Reopened),
            g.Sum(p => p.HandedOver), g.Sum(p => p.Unanswered)))];
}
