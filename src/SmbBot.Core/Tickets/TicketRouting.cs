using SmbBot.Core.Conversations;

namespace SmbBot.Core.Tickets;

/// <summary>Where a ticket goes and when it is due, from the business's rules: a pure function of reason and time.</summary>
public sealed class TicketRouting(EscalationOptions options, Func<BusinessCalendar> currentCalendar)
{
    /// <summary>Routing with a fixed calendar.</summary>
    public TicketRouting(EscalationOptions options, BusinessCalendar calendar) : this(options, () => calendar) { }

    /// <summary>
    /// Category, priority and due times for a ticket escalated for <paramref name="reason"/> at
    /// <paramref name="nowUtc"/> by a customer of CRM tier <paramref name="tier"/> (null or empty when unknown).
    /// </summary>
    public (string Category, TicketPriority Priority, DateTime FirstResponseDue, DateTime ResolutionDue) Route(EscalationReason reason, string? tier, DateTime nowUtc)
    {
        var name = EscalationOptions.ReasonNames.First(r => r.Value == reason).Key;
        var rule = options.Rules[name];
        var priority = Enum.Parse<TicketPriority>(rule.Priority, ignoreCase: true);
        var tierRule = string.IsNullOrWhiteSpace(tier) ? null : options.Tiers.GetValueOrDefault(tier.Trim());
        if (tierRule is not null && priority != TicketPriority.Urgent)
            priority = (TicketPriority)Math.Max((int)TicketPriority.High, (int)priority - tierRule.RaisePriority);
        var calendar = currentCalendar();
        var (first, resolution) = DueTimes(priority, nowUtc);
        if (tierRule?.FirstResponse is { } promised)
        {
            var target = options.Targets[priority.ToString().ToLowerInvariant()];
            var sooner = calendar.AddWorkingTime(nowUtc, promised, target.BusinessHoursOnly);
            if (sooner < first) first = sooner;
        }
        return (rule.Category, priority, first, resolution);
    }

    /// <summary>Due times for <paramref name="priority"/> counted from <paramref name="fromUtc"/>.</summary>
    public (DateTime FirstResponseDue, DateTime ResolutionDue) DueTimes(TicketPriority priority, DateTime fromUtc)
    {
        var target = options.Targets[priority.ToString().ToLowerInvariant()];
        var calendar = currentCalendar();
        return (calendar.AddWorkingTime(fromUtc, target.FirstResponse, target.BusinessHoursOnly),
                calendar.AddWorkingTime(fromUtc, target.Resolution, target.BusinessHoursOnly));
    }

    /// <summary>The calendar the due times are counted in now (the business's hours can change while running).</summary>
    public BusinessCalendar Calendar => currentCalendar();
}
