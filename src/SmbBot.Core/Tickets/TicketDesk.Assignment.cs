using SmbBot.Core.Alerts;
using SmbBot.Core.Teams;

namespace SmbBot.Core.Tickets;

/// <summary>Moving tickets between teams and people: by an admin, or on to the next member when one waits too long.</summary>
public sealed partial class TicketDesk
{
    /// <summary>
    /// Gives a ticket that its automatic assignee has not taken in time to the next member of its team on duty; null
    /// when there is nobody else (it stays, and the unclaimed alerts go on).
    /// </summary>
    public Ticket? Reassign(int ticketId)
    {
        if (assigner is null || store.Get(ticketId) is not { AutoAssignedAt: not null } waiting) return null;
        var now = Now();
        if (assigner.Next(waiting, now, except: waiting.AssignedToId) is not { } next) return null;
        var moved = false;
        var ticket = store.Change(ticketId, t =>
        {
            // Someone took or answered it meanwhile.
            if (t.AutoAssignedAt is null || t.AssignedToId != waiting.AssignedToId || t.FirstResponseAt is not null) return;
            t.History.Add(new TicketEvent { At = now, Kind = "assigned", Actor = "bot", Detail = $"{t.AssignedToName} -> {next.Member.Name}: not taken in time ({TicketAssigner.Mode(next.Mode)})" });
            (t.AssignedToId, t.AssignedToName, t.AutoAssignedAt, t.UpdatedAt) = (next.Member.Id, next.Member.Name, now, now);
            moved = true;
        });
        if (moved) Alert(ticket!, ticket!.Priority == TicketPriority.Urgent ? AlertKind.Urgent : AlertKind.NewTicket);
        return moved ? ticket : null;
    }

    /// <summary>
    /// An admin moves a ticket to <paramref name="team"/> (null: no team) and <paramref name="person"/> (null: nobody;
    /// the team's automatic assignment then picks one if it has it). The new team or person is alerted.
    /// </summary>
    public Ticket? Move(int ticketId, Team? team, StaffMember? person, string adminName)
    {
        var now = Now();
        var ticket = store.Change(ticketId, t =>
        {
            var before = Where(t.TeamName, t.AssignedToName);
            (t.TeamId, t.TeamName) = team is null ? ("", "") : (team.Id, team.Name);
            (t.AssignedToId, t.AssignedToName, t.AutoAssignedAt) = person is null ? (null, null, null) : (person.Id, person.Name, (DateTime?)null);
            if (person is null && assigner?.Next(t, now, except: null) is { } picked)
                (t.AssignedToId, t.AssignedToName, t.AutoAssignedAt) = (picked.Member.Id, picked.Member.Name, now);
            t.UpdatedAt = now;
            t.History.Add(new TicketEvent { At = now, Kind = "moved", Actor = adminName, Detail = $"{before} -> {Where(t.TeamName, t.AssignedToName)}" });
        });
        if (ticket is { IsOpen: true }) Alert(ticket, ticket.Priority == TicketPriority.Urgent ? AlertKind.Urgent : AlertKind.NewTicket);
        return ticket;
    }

    private static string Where(string team, string? person) =>
        (team.Length > 0 ? $"team {team}" : "no team") + (person is null ? "" : $", {person}");
}
