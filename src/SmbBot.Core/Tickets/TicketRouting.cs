using SmbBot.Core.Conversations;

namespace SmbBot.Core.Tickets;

/// <summary>Where a ticket goes and when it is due, from the business's rules: a pure function of reason and time.</summary>
public sealed class TicketRouting(EscalationOptions options, BusinessCalendar calendar)
{
    /// <summary>Category, priority and due times for a ticket escalated for <paramref name="reason"/> at <paramref name="nowUtc"/>.</summary>
    public (string Category, TicketPriority Priority, DateTime FirstResponseDue, DateTime ResolutionDue) Route(EscalationReason reason, DateTime nowUtc)
    {
        var name = EscalationOptions.ReasonNames.First(r => r.Value == reason).Key;
        var rule = options.Rules[name];
        var priority = Enum.Parse<TicketPriority>(rule.Priority, ignoreCase: true);
        var (first, resolution) = DueTimes(priority, nowUtc);
        return (rule.Category, priority, first, resolution);
    }

    /// <summary>Due times for <paramref name="priority"/> counted from <paramref name="fromUtc"/>.</summary>
    public (DateTime FirstResponseDue, DateTime ResolutionDue) DueTimes(TicketPriority priority, DateTime fromUtc)
    {
        var target = options.Targets[priority.ToString().ToLowerInvariant()];
        return (calendar.AddWorkingTime(fromUtc, target.FirstResponse, target.BusinessHoursOnly),
                calendar.AddWorkingTime(fromUtc, target.Resolution, target.BusinessHoursOnly));
    }

    /// <summary>The calendar the due times are counted in.</summary>
    public BusinessCalendar Calendar => calendar;
}
