namespace SmbBot.Core.Teams;

/// <summary>Who in a team gets a ticket: a pure function of the team, its members' availability and their open tickets.</summary>
public static class TeamAssignment
{
    /// <summary>
    /// The member on duty who should get the next ticket of <paramref name="team"/>, or null when automatic assignment is
    /// off or nobody is available. Never someone away, disabled, or <paramref name="except"/> (the person a ticket is
    /// taken from). Round-robin continues after <see cref="Team.LastAssignedId"/>; least-open picks the fewest
    /// <paramref name="openTickets"/> and breaks ties in round-robin order.
    /// </summary>
    public static StaffMember? Pick(Team team, IReadOnlyDictionary<string, StaffMember> staff, IReadOnlyDictionary<string, int> openTickets,
        DateTime nowUtc, string? except = null)
    {
        if (team.AutoAssign == AutoAssign.Off || team.Members.Count == 0) return null;
        var start = team.LastAssignedId is { } last ? team.Members.IndexOf(last) + 1 : 0;
        StaffMember? best = null;
        var bestOpen = int.MaxValue;
        for (int i = 0; i < team.Members.Count; i++)
        {
            var id = team.Members[(start + i) % team.Members.Count];
            if (id == except || !staff.TryGetValue(id, out var member) || !member.IsAvailable(nowUtc)) continue;
            if (team.AutoAssign == AutoAssign.RoundRobin) return member;
            var open = openTickets.GetValueOrDefault(id);
            if (open < bestOpen) (best, bestOpen) = (member, open);
        }
        return best;
    }
}
