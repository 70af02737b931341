using System.Globalization;

namespace SmbBot.Core.Insight;

/// <summary>The dates a dashboard or export covers (local dates, both included).</summary>
public sealed record InsightRange(DateOnly From, DateOnly To)
{
    /// <summary>Longest range one page or export covers.</summary>
    public const int MaxDays = 366;

    /// <summary>Days shown when none are chosen: the last four weeks.</summary>
    public const int DefaultDays = 28;

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> as <c>yyyy-MM-dd</c>; either may be left out (the last 28 days up to
    /// <paramref name="today"/>). Null with the reason when they cannot be used.
    /// </summary>
    public static (InsightRange? Range, string? Problem) Parse(string? from, string? to, DateOnly today)
    {
        DateOnly? Read(string? s) => DateOnly.TryParseExact(s?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        if (!string.IsNullOrWhiteSpace(from) && Read(from) is null) return (null, $"'from' must be a date written yyyy-MM-dd, not '{Trim(from)}'");
        if (!string.IsNullOrWhiteSpace(to) && Read(to) is null) return (null, $"'to' must be a date written yyyy-MM-dd, not '{Trim(to)}'");
        var end = Read(to) ?? today;
        var start = Read(from) ?? end.AddDays(1 - DefaultDays);
        if (start > end) return (null, $"'from' ({start:yyyy-MM-dd}) is after 'to' ({end:yyyy-MM-dd})");
        if (end.DayNumber - start.DayNumber + 1 > MaxDays) return (null, $"choose at most {MaxDays} days at a time");
        return (new InsightRange(start, end), null);
    }

    private static string Trim(string s) => s.Length <= 40 ? s : s[..40] + "…";

    /// <summary>The dates of the range, in order.</summary>
    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays);
}
