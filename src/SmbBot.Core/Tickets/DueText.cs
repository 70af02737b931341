using System.Globalization;

namespace SmbBot.Core.Tickets;

/// <summary>Says when a reply is due in words a customer reads: "by 14:30 today", "by 10:00 tomorrow", "by 09:30 on Monday 1 December".</summary>
public static class DueText
{
    public static string Describe(DateTime dueUtc, DateTime nowUtc, BusinessCalendar calendar)
    {
        var due = calendar.Local(dueUtc);
        var now = calendar.Local(nowUtc);
        var time = due.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = DateOnly.FromDateTime(due).DayNumber - DateOnly.FromDateTime(now).DayNumber;
        return days switch
        {
            <= 0 => $"by {time} today",
            1 => $"by {time} tomorrow",
            < 7 => $"by {time} on {due.ToString("dddd", CultureInfo.InvariantCulture)}",
            _ => $"by {time} on {due.ToString("dddd d MMMM", CultureInfo.InvariantCulture)}",
        };
    }
}
