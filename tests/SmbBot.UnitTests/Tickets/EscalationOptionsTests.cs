using System.ComponentModel.DataAnnotations;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Tickets;

public class EscalationOptionsTests
{
    public static EscalationOptions Valid() => new()
    {
        TimeZone = "Europe/London",
        BusinessHours = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Monday"] = "09:00-17:00", ["Tuesday"] = "09:00-17:00", ["Wednesday"] = "09:00-17:00", ["Thursday"] = "09:00-17:00",
            ["Friday"] = "09:00-17:00", ["Sunday"] = "",
        },
        Rules = new(StringComparer.OrdinalIgnoreCase)
        {
            ["urgent"] = new() { Category = "safety", Priority = "urgent" },
            ["complaint"] = new() { Category = "complaints", Priority = "high" },
            ["account"] = new() { Category = "orders", Priority = "normal" },
            ["human"] = new() { Category = "general", Priority = "normal" },
            ["no-answer"] = new() { Category = "questions", Priority = "low" },
        },
        Targets = new(StringComparer.OrdinalIgnoreCase)
        {
            ["urgent"] = new() { FirstResponse = TimeSpan.FromMinutes(15), Resolution = TimeSpan.FromHours(4), BusinessHoursOnly = false },
            ["high"] = new() { FirstResponse = TimeSpan.FromHours(1), Resolution = TimeSpan.FromHours(8) },
            ["normal"] = new() { FirstResponse = TimeSpan.FromHours(4), Resolution = TimeSpan.FromHours(16) },
            ["low"] = new() { FirstResponse = TimeSpan.FromHours(8), Resolution = TimeSpan.FromHours(40) },
        },
    };

    private static string[] Problems(EscalationOptions o) => o.Validate(new ValidationContext(o)).Select(r => r.ErrorMessage!).ToArray();

    [Fact]
    public void The_sample_rules_are_valid() => Assert.Empty(Problems(Valid()));

    [Theory]
    [InlineData("timezone", "Escalation:TimeZone 'Mars/Olympus' is not a known time zone")]
    [InlineData("day", "Escalation:BusinessHours:Funday is not a day of the week")]
    [InlineData("hours", "Escalation:BusinessHours:Monday '17:00-09:00' must be HH:mm-HH:mm")]
    [InlineData("missing-rule", "Escalation:Rules:complaint is missing")]
    [InlineData("unknown-reason", "Escalation:Rules:weather is not a reason")]
    [InlineData("bad-priority", "Escalation:Rules:human:Priority 'asap' must be urgent, high, normal or low")]
    [InlineData("urgent-not-top", "Escalation:Rules:urgent:Priority must be urgent")]
    [InlineData("missing-target", "Escalation:Targets:low is missing")]
    [InlineData("backwards-target", "Escalation:Targets:high needs FirstResponse above zero")]
    [InlineData("holiday-format", "Escalation:Holidays:1 '25/12/2026' must be a date (2026-12-25) or a range")]
    [InlineData("holiday-backwards", "Escalation:Holidays:0 '2026-12-26..2026-12-24 Christmas' ends before it starts")]
    public void Invalid_rules_are_named(string change, string expected)
    {
        var o = Valid();
        switch (change)
        {
            case "timezone": o.TimeZone = "Mars/Olympus"; break;
            case "day": o.BusinessHours["Funday"] = "09:00-10:00"; break;
            case "hours": o.BusinessHours["Monday"] = "17:00-09:00"; break;
            case "missing-rule": o.Rules.Remove("complaint"); break;
            case "unknown-reason": o.Rules["weather"] = new() { Category = "x", Priority = "low" }; break;
            case "bad-priority": o.Rules["human"].Priority = "asap"; break;
            case "urgent-not-top": o.Rules["urgent"].Priority = "high"; break;
            case "missing-target": o.Targets.Remove("low"); break;
            case "backwards-target": o.Targets["high"].Resolution = TimeSpan.FromMinutes(1); break;
            case "holiday-format": o.Holidays = ["2026-12-25", "25/12/2026"]; break;
            case "holiday-backwards": o.Holidays = ["2026-12-26..2026-12-24 Christmas"]; break;
        }

        Assert.Contains(Problems(o), p => p.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Routing_follows_the_rules_and_urgent_runs_on_the_clock()
    {
        var o = Valid();
        var routing = new TicketRouting(o, BusinessCalendar.From(o));
        var sundayNoon = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

        var urgent = routing.Route(EscalationReason.UrgentSafety, null, sundayNoon);
        var complaint = routing.Route(EscalationReason.Complaint, null, sundayNoon);

        Assert.Equal(("safety", TicketPriority.Urgent, sundayNoon.AddMinutes(15)), (urgent.Category, urgent.Priority, urgent.FirstResponseDue));
        Assert.Equal(("complaints", TicketPriority.High), (complaint.Category, complaint.Priority));
        Assert.Equal(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc), complaint.FirstResponseDue); // Monday 09:00 + 1 h
    }

    [Fact]
    public void Due_times_from_the_settings_skip_the_holidays_in_them()
    {
        var o = Valid();
        o.Holidays = ["2026-11-30 Staff training"];
        var routing = new TicketRouting(o, BusinessCalendar.From(o));
        var sundayNoon = new DateTime(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);

        var complaint = routing.Route(EscalationReason.Complaint, null, sundayNoon);

        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), complaint.FirstResponseDue);   // Tuesday 09:00 + 1 h
        Assert.Equal(new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc), complaint.ResolutionDue);      // Tuesday's 8 h
    }
}
