using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Tickets;

/// <summary>Holidays on top of the weekly hours: what is open, when it opens next, due times and what the customer is told.</summary>
public class HolidayCalendarTests
{
    // Mon-Fri 09:00-17:00, Saturday 10:00-14:00, Sunday closed, Europe/London.
    private static readonly Dictionary<string, string> Week = new()
    {
        ["Monday"] = "09:00-17:00", ["Tuesday"] = "09:00-17:00", ["Wednesday"] = "09:00-17:00", ["Thursday"] = "09:00-17:00",
        ["Friday"] = "09:00-17:00", ["Saturday"] = "10:00-14:00",
    };

    private static BusinessCalendar London(params string[] holidays) => new(
        TimeZoneInfo.FindSystemTimeZoneById("Europe/London"), Week, holidays.Select(h => Holiday.Parse(h, out _)!).ToArray());

    private static DateTime Utc(string s) => DateTime.SpecifyKind(DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

    [Theory]
    [InlineData("2026-12-25", "2026-12-25", "2026-12-25", null)]
    [InlineData("2026-12-24..2026-12-26", "2026-12-24", "2026-12-26", null)]
    [InlineData("2026-12-24..2026-12-26 Christmas", "2026-12-24", "2026-12-26", "Christmas")]
    [InlineData("  2027-01-01   New Year's Day ", "2027-01-01", "2027-01-01", "New Year's Day")]
    [InlineData("2026-12-25..2026-12-25", "2026-12-25", "2026-12-25", null)]
    public void Reads_dates_ranges_and_labels(string text, string first, string last, string? label)
    {
        var holiday = Holiday.Parse(text, out var problem);

        Assert.Null(problem);
        Assert.Equal(new Holiday(DateOnly.Parse(first), DateOnly.Parse(last), label), holiday);
    }

    [Theory]
    [InlineData("", "must be a date")]
    [InlineData("25/12/2026", "must be a date")]
    [InlineData("2026-12-32", "must be a date")]
    [InlineData("2026-12-24..", "must be a date")]
    [InlineData("2026-12-24..2026-12-26..2026-12-28", "must be a date")]
    [InlineData("2026-12-26..2026-12-24", "ends before it starts")]
    [InlineData("2026-01-01..2027-06-01", "is longer than 366 days")]
    public void Refuses_what_is_not_a_holiday(string text, string expected)
    {
        Assert.Null(Holiday.Parse(text, out var problem));
        Assert.StartsWith(expected, problem);
    }

    [Theory]
    // Christmas 2026: Thu 24 - Sat 26 closed; Sunday closed anyway; Monday 28 opens 09:00 GMT (= UTC).
    [InlineData("2026-12-23T12:00:00", true)]
    [InlineData("2026-12-24T12:00:00", false)]
    [InlineData("2026-12-26T11:00:00", false)]   // a Saturday that would be open
    [InlineData("2026-12-28T09:00:00", true)]
    public void A_holiday_range_closes_every_day_in_it(string at, bool open) =>
        Assert.Equal(open, London("2026-12-24..2026-12-26 Christmas").IsOpen(Utc(at)));

    [Theory]
    [InlineData("2026-12-23T18:00:00", "2026-12-28T09:00:00")]   // after closing before the holiday
    [InlineData("2026-12-25T10:00:00", "2026-12-28T09:00:00")]   // during it
    [InlineData("2026-12-28T08:00:00", "2026-12-28T09:00:00")]   // before opening on the first day back
    [InlineData("2026-12-28T10:00:00", "2026-12-28T10:00:00")]   // open now: now
    public void The_next_opening_skips_holidays(string at, string expected) =>
        Assert.Equal(Utc(expected), London("2026-12-24..2026-12-26").NextOpening(Utc(at)));

    [Fact]
    public void A_holiday_on_a_weekend_changes_nothing_else()
    {
        // Sunday 27 December is closed anyway; Saturday 26 is the only day lost.
        var calendar = London("2026-12-26..2026-12-27");

        Assert.False(calendar.IsOpen(Utc("2026-12-26T11:00:00")));
        Assert.True(calendar.IsOpen(Utc("2026-12-24T11:00:00")));
        Assert.Equal(Utc("2026-12-28T09:00:00"), calendar.NextOpening(Utc("2026-12-25T18:00:00")));
        Assert.Equal(Utc("2026-12-28T11:00:00"), calendar.AddWorkingTime(Utc("2026-12-25T16:00:00"), TimeSpan.FromHours(3), true));
    }

    [Theory]
    // 4 h of opening hours from Wednesday 23 December 15:00: 2 h that day, then Monday 28 from 09:00.
    [InlineData("2026-12-23T15:00:00", "04:00:00", true, "2026-12-28T11:00:00")]
    // During the holiday: counted from the first opening after it.
    [InlineData("2026-12-25T10:00:00", "01:00:00", true, "2026-12-28T10:00:00")]
    // A resolution target of 16 h spanning the holiday: Wed 2 h, Mon 8 h, Tue 6 h.
    [InlineData("2026-12-23T15:00:00", "16:00:00", true, "2026-12-29T15:00:00")]
    // Clock time (urgent) ignores holidays.
    [InlineData("2026-12-25T10:00:00", "00:15:00", false, "2026-12-25T10:15:00")]
    public void Due_times_skip_holidays_and_closed_hours(string start, string duration, bool businessHoursOnly, string expected) =>
        Assert.Equal(Utc(expected), London("2026-12-24..2026-12-26").AddWorkingTime(Utc(start), TimeSpan.Parse(duration), businessHoursOnly));

    [Fact]
    public void A_long_closure_moves_the_next_opening_weeks_ahead()
    {
        var calendar = London("2026-07-25..2026-08-16 Summer closure");

        Assert.Equal(Utc("2026-08-17T08:00:00"), calendar.NextOpening(Utc("2026-07-27T09:00:00")));   // 09:00 BST
        Assert.Equal(Utc("2026-08-17T09:00:00"), calendar.AddWorkingTime(Utc("2026-07-24T15:00:00"), TimeSpan.FromHours(2), true));
        var promise = ReplyPromise.For(Utc("2026-08-17T09:00:00"), Utc("2026-07-28T12:00:00"), calendar);
        Assert.Equal("We're closed for Summer closure; a person will reply on Monday 17 August after 09:00.", promise.ClosedSentence("a person"));
    }

    [Theory]
    // Clocks go back on Sunday 25 October 2026 and forward on Sunday 29 March 2026. Monday is a holiday both times.
    [InlineData("2026-10-24T14:00:00", "2026-10-27T09:00:00")]   // Sat 15:00 BST -> Tue 09:00 GMT
    [InlineData("2026-03-28T14:00:00", "2026-03-31T08:00:00")]   // Sat 14:00 GMT -> Tue 09:00 BST
    public void The_next_opening_across_a_clock_change_is_in_local_time(string at, string expected) =>
        Assert.Equal(Utc(expected), London("2026-10-26", "2026-03-30").NextOpening(Utc(at)));

    [Theory]
    // Open: the due time as it is.
    [InlineData("2026-12-23T10:00:00", "2026-12-23T14:00:00", false, "by 14:00 today")]
    // Evening before Christmas Eve: holidays lie on the way to the opening.
    [InlineData("2026-12-23T18:00:00", "2026-12-28T13:00:00", true, "We're closed for the holidays; a person will reply on Monday 28 December after 09:00.")]
    // An ordinary Tuesday evening.
    [InlineData("2026-12-15T18:00:00", "2026-12-16T13:00:00", true, "We're closed now; a person will reply tomorrow after 09:00.")]
    // Early on a working day.
    [InlineData("2026-12-16T07:00:00", "2026-12-16T13:00:00", true, "We're closed now; a person will reply today after 09:00.")]
    // Urgent runs on the clock: due before the opening, promised as it is.
    [InlineData("2026-12-25T10:00:00", "2026-12-25T10:15:00", false, "by 10:15 today")]
    public void The_customer_is_told_the_real_next_opening(string now, string due, bool closed, string expected)
    {
        var promise = ReplyPromise.For(Utc(due), Utc(now), London("2026-12-24..2026-12-26"));

        Assert.Equal(closed, promise.Closed);
        Assert.Equal(expected, closed ? promise.ClosedSentence("a person") : promise.When);
    }
}
