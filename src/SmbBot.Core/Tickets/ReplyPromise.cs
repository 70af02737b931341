using System.Globalization;

namespace SmbBot.Core.Tickets;

/// <summary>
/// What a customer is promised about a person's reply: while open, the due time ("by 14:30 today"); while closed,
/// the real next opening ("on Monday 28 December after 09:00"), and whether holidays are why.
/// </summary>
/// <param name="Closed">True when no one is there now and the reply waits for the next opening.</param>
/// <param name="Holiday">When <paramref name="Closed"/>: the holiday on the way to the next opening ("" when it has no label), or null.</param>
/// <param name="When">"by 14:30 today", "tomorrow after 09:00", "on Monday 28 December after 09:00".</param>
public sealed record ReplyPromise(bool Closed, string? Holiday, string When)
{
    /// <summary>
    /// The promise for a reply due at <paramref name="dueUtc"/>, asked at <paramref name="nowUtc"/>. A due time before
    /// the next opening (an urgent target that runs on the clock) is promised as it is, closed or not.
    /// </summary>
    public static ReplyPromise For(DateTime dueUtc, DateTime nowUtc, BusinessCalendar calendar)
    {
        var due = new ReplyPromise(false, null, DueText.Describe(dueUtc, nowUtc, calendar));
        if (!calendar.HasHours || calendar.IsOpen(nowUtc)) return due;
        if (calendar.NextOpening(nowUtc) is not { } next || dueUtc < next) return due;
        return new ReplyPromise(true, HolidayBefore(next, nowUtc, calendar), After(next, nowUtc, calendar));
    }

    /// <summary>"We're closed for Christmas; a person will reply on Monday 28 December after 09:00" and the like.</summary>
    public string ClosedSentence(string who) => Holiday switch
    {
        null => $"We're closed now; {who} will reply {When}.",
        "" => $"We're closed for the holidays; {who} will reply {When}.",
        var label => $"We're closed for {label}; {who} will reply {When}.",
    };

    /// <summary>"today after 09:00", "tomorrow after 09:00", "on Monday 28 December after 09:00" (after a closure the date is said in full).</summary>
    public static string After(DateTime openingUtc, DateTime nowUtc, BusinessCalendar calendar)
    {
        var opening = calendar.Local(openingUtc);
        var time = opening.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = DateOnly.FromDateTime(opening).DayNumber - DateOnly.FromDateTime(calendar.Local(nowUtc)).DayNumber;
        return days switch
        {
            <= 0 => $"today after {time}",
            1 => $"tomorrow after {time}",
            _ => $"on {opening.ToString("dddd d MMMM", CultureInfo.InvariantCulture)} after {time}",
        };
    }

    private static string? HolidayBefore(DateTime nextUtc, DateTime nowUtc, BusinessCalendar calendar)
    {
        var today = DateOnly.FromDateTime(calendar.Local(nowUtc));
        var opening = DateOnly.FromDateTime(calendar.Local(nextUtc));
        for (var date = today; date <= opening; date = date.AddDays(1))
        {
            if (calendar.HolidayOn(date) is { } holiday) return holiday.Label ?? "";
        }
        return null;
    }
}
