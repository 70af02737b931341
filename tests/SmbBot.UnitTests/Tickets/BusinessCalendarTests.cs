using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Tickets;

public class BusinessCalendarTests
{
    private static readonly BusinessCalendar London = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), new Dictionary<string, string>
    {
        ["Monday"] = "09:00-17:00", ["Tuesday"] = "09:00-17:00", ["Wednesday"] = "09:00-17:00", ["Thursday"] = "09:00-17:00",
        ["Friday"] = "09:00-17:00", ["Saturday"] = "10:00-14:00",
    });

    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    // Wednesday 25 Nov 2026 (GMT = UTC in winter)
    [InlineData("2026-11-25T10:00:00", "04:00:00", true, "2026-11-25T14:00:00")]   // within the day
    [InlineData("2026-11-25T15:00:00", "04:00:00", true, "2026-11-26T11:00:00")]   // 2 h today, 2 h tomorrow
    [InlineData("2026-11-25T20:00:00", "01:00:00", true, "2026-11-26T10:00:00")]   // after closing: from next opening
    [InlineData("2026-11-25T06:00:00", "01:00:00", true, "2026-11-25T10:00:00")]   // before opening
    [InlineData("2026-11-27T16:00:00", "03:00:00", true, "2026-11-28T12:00:00")]   // Friday into Saturday's short day
    [InlineData("2026-11-28T13:00:00", "02:00:00", true, "2026-11-30T10:00:00")]   // Saturday, closed Sunday, Monday
    [InlineData("2026-11-28T13:00:00", "00:15:00", false, "2026-11-28T13:15:00")]  // clock time for urgent
    [InlineData("2026-07-01T16:00:00", "02:00:00", true, "2026-07-02T10:00:00")]   // summer time: 16:00 UTC is 17:00 BST, closing; 09:00 BST + 2 h = 10:00 UTC
    public void Adds_working_time(string start, string duration, bool businessHoursOnly, string expected)
    {
        var due = London.AddWorkingTime(Utc(start), TimeSpan.Parse(duration), businessHoursOnly);

        Assert.Equal(Utc(expected), due);
        Assert.Equal(DateTimeKind.Utc, due.Kind);
    }

    [Theory]
    [InlineData("2026-11-25T09:00:00", true)]
    [InlineData("2026-11-25T17:00:00", false)]
    [InlineData("2026-11-29T12:00:00", false)]   // Sunday
    [InlineData("2026-07-01T08:30:00", true)]    // 09:30 BST
    public void Knows_when_the_business_is_open(string at, bool open) => Assert.Equal(open, London.IsOpen(Utc(at)));

    [Theory]
    [InlineData("2026-11-25T14:00:00", "by 14:00 today")]
    [InlineData("2026-11-26T10:00:00", "by 10:00 tomorrow")]
    [InlineData("2026-11-30T10:00:00", "by 10:00 on Monday")]
    [InlineData("2026-12-09T10:00:00", "by 10:00 on Wednesday 9 December")]
    public void Says_when_a_reply_is_due(string due, string text) =>
        Assert.Equal(text, DueText.Describe(Utc(due), Utc("2026-11-25T10:00:00"), London));
}
