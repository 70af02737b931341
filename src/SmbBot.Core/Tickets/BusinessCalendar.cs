namespace SmbBot.Core.Tickets;

/// <summary>
/// Business hours in the business's time zone, with holidays on top of the weekly hours: when it is open, when it
/// opens next, and due times counted in opening hours.
/// </summary>
public sealed class BusinessCalendar
{
    /// <summary>How far ahead an opening is looked for; beyond it the calendar is treated as never opening.</summary>
    private const int DaysAhead = 366 * 2;

    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, OpeningHours> _hours;
    private readonly IReadOnlyList<Holiday> _holidays;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<string, string> hours, IReadOnlyList<Holiday>? holidays = null)
    {
        _zone = zone;
        _hours = hours
            .Where(h => !string.IsNullOrWhiteSpace(h.Value))
            .ToDictionary(h => Enum.Parse<DayOfWeek>(h.Key, ignoreCase: true), h => OpeningHours.Parse(h.Value)!);
        _holidays = holidays ?? [];
    }

    /// <summary>The calendar described by validated options.</summary>
    public static BusinessCalendar From(EscalationOptions options)
    {
        EscalationOptions.TryFindTimeZone(options.TimeZone, out var zone);
        return new BusinessCalendar(zone, options.BusinessHours, options.ParsedHolidays());
    }

    /// <summary>True when the business has opening hours at all.</summary>
    public bool HasHours => _hours.Count > 0;

    /// <summary>The business's local time at <paramref name="utc"/>.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>The holiday that closes <paramref name="date"/> (a local date), if any.</summary>
    public Holiday? HolidayOn(DateOnly date) => _holidays.FirstOrDefault(h => h.Covers(date));

    /// <summary>Opening hours on <paramref name="date"/> (a local date); null when closed that day.</summary>
    public OpeningHours? HoursOn(DateOnly date) =>
        _hours.TryGetValue(date.DayOfWeek, out var h) && HolidayOn(date) is null ? h : null;

    /// <summary>True when the business is open at <paramref name="utc"/>.</summary>
    public bool IsOpen(DateTime utc)
    {
        var local = Local(utc);
        var time = TimeOnly.FromDateTime(local);
        return HoursOn(DateOnly.FromDateTime(local)) is { } h && time >= h.Opens && time < h.Closes;
    }

    /// <summary>
    /// The first moment at or after <paramref name="utc"/> when the business is open (<paramref name="utc"/> itself when
    /// open now), in UTC; null when it never opens within two years.
    /// </summary>
    public DateTime? NextOpening(DateTime utc)
    {
        if (IsOpen(utc)) return utc;
        var local = Local(utc);
        for (int day = 0; day < DaysAhead; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if (HoursOn(date) is not { } h) continue;
            var opens = date.ToDateTime(h.Opens);
            if (opens >= local) return ToUtc(opens);
        }
        return null;
    }

    /// <summary>
    /// The moment <paramref name="duration"/> of opening hours after <paramref name="startUtc"/> (or of clock time when
    /// <paramref name="businessHoursOnly"/> is false), in UTC. Closed days and holidays do not count.
    /// </summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan duration, bool businessHoursOnly)
    {
        if (!businessHoursOnly || _hours.Count == 0) return startUtc + duration;
        var local = Local(startUtc);
        var left = duration;
        for (int day = 0; day < DaysAhead; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if (HoursOn(date) is not { } h) continue;
            var opens = date.ToDateTime(h.Opens);
            var closes = date.ToDateTime(h.Closes);
            var from = day == 0 && local > opens ? local : opens;
            if (from >= closes) continue;
            var available = closes - from;
            if (left <= available) return ToUtc(from + left);
            left -= available;
        }
        return startUtc + duration;
    }

    /// <summary>The UTC moment of a local time in the business's time zone.</summary>
    public DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time inside a daylight-saving gap does not exist; move past the gap.
        while (_zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
    }
}
