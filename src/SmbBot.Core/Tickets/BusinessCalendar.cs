namespace SmbBot.Core.Tickets;

/// <summary>Business hours in the business's time zone: when it is open, and due times counted in opening hours.</summary>
public sealed class BusinessCalendar
{
    private readonly TimeZoneInfo _zone;
    private readonly Dictionary<DayOfWeek, OpeningHours> _hours;

    public BusinessCalendar(TimeZoneInfo zone, IReadOnlyDictionary<string, string> hours)
    {
        _zone = zone;
        _hours = hours
            .Where(h => !string.IsNullOrWhiteSpace(h.Value))
            .ToDictionary(h => Enum.Parse<DayOfWeek>(h.Key, ignoreCase: true), h => OpeningHours.Parse(h.Value)!);
    }

    /// <summary>The calendar described by validated options.</summary>
    public static BusinessCalendar From(EscalationOptions options)
    {
        EscalationOptions.TryFindTimeZone(options.TimeZone, out var zone);
        return new BusinessCalendar(zone, options.BusinessHours);
    }

    /// <summary>The business's local time at <paramref name="utc"/>.</summary>
    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>True when the business is open at <paramref name="utc"/>.</summary>
    public bool IsOpen(DateTime utc)
    {
        var local = Local(utc);
        return _hours.TryGetValue(local.DayOfWeek, out var h) && TimeOnly.FromDateTime(local) >= h.Opens && TimeOnly.FromDateTime(local) < h.Closes;
    }

    /// <summary>
    /// The moment <paramref name="duration"/> of opening hours after <paramref name="startUtc"/> (or of clock time when
    /// <paramref name="businessHoursOnly"/> is false), in UTC.
    /// </summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan duration, bool businessHoursOnly)
    {
        if (!businessHoursOnly || _hours.Count == 0) return startUtc + duration;
        var local = Local(startUtc);
        var left = duration;
        for (int day = 0; day < 366 * 2; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            if (!_hours.TryGetValue(date.DayOfWeek, out var h)) continue;
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

    private DateTime ToUtc(DateTime local)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        // A local time inside a daylight-saving gap does not exist; move past the gap.
        while (_zone.IsInvalidTime(unspecified)) unspecified = unspecified.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, _zone);
    }
}
