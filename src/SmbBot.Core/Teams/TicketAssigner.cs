using SmbBot.Core.Tickets;

namespace SmbBot.Core.Teams;

/// <summary>
/// Puts new tickets where the routing rules say (team, person, priority, tag) and picks the team member who gets one
/// automatically. Runs after <see cref="TicketRouting"/> has set category, priority and due times.
/// </summary>
public sealed class TicketAssigner(RoutingRulesSource rules, ITeamStore teams, IStaffRoster roster, ITicketStore tickets, Func<BusinessCalendar> currentCalendar)
{
    /// <summary>Assignment with a fixed calendar.</summary>
    public TicketAssigner(RoutingRulesSource rules, ITeamStore teams, IStaffRoster roster, ITicketStore tickets, BusinessCalendar calendar)
        : this(rules, teams, roster, tickets, () => calendar) { }

    /// <summary>The rules in force.</summary>
    public RoutingRulesSource Rules => rules;

    /// <summary>
    /// Applies the first matching rule to <paramref name="ticket"/> and records the rule and why; <paramref name="dueTimes"/>
    /// gives the due times of a priority a rule sets. Run again on a ticket (its customer became known), a person it
    /// gave the ticket to automatically keeps it while the team stays the same.
    /// </summary>
    public void Route(Ticket ticket, DateTime nowUtc, Func<TicketPriority, (DateTime FirstResponseDue, DateTime ResolutionDue)> dueTimes)
    {
        var decision = TicketRules.Route(ticket, rules.Rules, nowUtc, currentCalendar());
        var teamBefore = ticket.TeamId;
        (ticket.TeamId, ticket.TeamName) = ("", "");
        var why = new List<string> { decision.Why };
        var then = decision.Actions;
        if (then.Priority is { } p && Names.TryParseName<TicketPriority>(p, out var priority) && priority != ticket.Priority)
        {
            ticket.Priority = priority;
            (ticket.FirstResponseDue, ticket.ResolutionDue) = dueTimes(priority);
        }
        if (then.Tag is { } tag && !ticket.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase)) ticket.Tags.Add(tag);
        if (then.Team is { } teamName)
        {
            if (teams.Named(teamName) is { } team) (ticket.TeamId, ticket.TeamName) = (team.Id, team.Name);
            else why.Add($"there is no team {teamName}: everyone's queue");
        }
        if (ticket.TeamId != teamBefore && ticket.AutoAssignedAt is not null) (ticket.AssignedToId, ticket.AssignedToName, ticket.AutoAssignedAt) = (null, null, null);
        if (then.Person is { } email && ticket.AssignedToId is null)
        {
            var person = roster.Members().FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase));
            if (person is { } m && m.IsAvailable(nowUtc)) Give(ticket, m, nowUtc);
            else why.Add(person is null ? $"there is no staff account {email}" : $"{person.Name} is {(person.Disabled ? "disabled" : "away")}");
        }
        if (ticket.AssignedToId is null && ticket.TeamId.Length > 0 && Next(ticket, nowUtc, except: null) is { } picked)
        {
            Give(ticket, picked.Member, nowUtc);
            why.Add($"given to {picked.Member.Name} ({Mode(picked.Mode)})");
        }
        ticket.RoutedBy = decision.Rule;
        ticket.RoutingWhy = string.Join("; ", why);
    }

    /// <summary>
    /// The next member of the ticket's team who should get it, skipping <paramref name="except"/>; null when the team
    /// does not assign automatically or nobody is on duty. The team remembers the pick (round-robin goes on from it).
    /// </summary>
    public (StaffMember Member, AutoAssign Mode)? Next(Ticket ticket, DateTime nowUtc, string? except)
    {
        if (string.IsNullOrEmpty(ticket.TeamId)) return null;
        var staff = roster.Members().ToDictionary(m => m.Id);
        (StaffMember Member, AutoAssign Mode)? picked = null;
        // Under the team's lock in the store: another host assigning a ticket of this team waits for this pick.
        teams.Assign(ticket.TeamId, team =>
        {
            if (team.AutoAssign == AutoAssign.Off) return null;
            var open = team.AutoAssign == AutoAssign.LeastOpen ? tickets.OpenCounts(team.Members) : new Dictionary<string, int>();
            picked = TeamAssignment.Pick(team, staff, open, nowUtc, except) is { } member ? (member, team.AutoAssign) : null;
            return picked?.Member.Id;
        });
        return picked;
    }

    /// <summary>The member ids of <paramref name="teamId"/>'s team; empty when there is none.</summary>
    public IReadOnlyList<string> MembersOf(string? teamId) => teams.Get(teamId)?.Members ?? [];

    public static string Mode(AutoAssign mode) => mode == AutoAssign.LeastOpen ? "fewest open tickets" : "round-robin";

    private static void Give(Ticket ticket, StaffMember member, DateTime nowUtc) =>
        (ticket.AssignedToId, ticket.AssignedToName, ticket.AutoAssignedAt) = (member.Id, member.Name, nowUtc);
}
