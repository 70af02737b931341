namespace SmbBot.Core.Teams;

/// <summary>The business's teams. Names are unique whatever their case.</summary>
public interface ITeamStore
{
    /// <summary>Every team, by name (case-insensitive).</summary>
    IReadOnlyList<Team> All();

    /// <summary>The team with this id, or null (also for an empty id).</summary>
    Team? Get(string? id);

    /// <summary>The team with this name (case-insensitive, trimmed), or null.</summary>
    Team? Named(string name);

    /// <summary>The teams <paramref name="staffId"/> is a member of, by name.</summary>
    IReadOnlyList<Team> Of(string staffId);

    /// <summary>
    /// Adds (empty id) or changes a team; returns it, or what is wrong (a name of 0 or more than
    /// <see cref="Team.MaxName"/> characters, a name another team has, an unknown id). A change that drops the member
    /// who got the last automatic assignment forgets that assignment.
    /// </summary>
    (Team? Team, string? Problem) Save(string? id, string name, IEnumerable<string> members, AutoAssign mode);

    /// <summary>
    /// One automatic assignment: reads the team under its lock (another host's assignment to the same team waits),
    /// asks <paramref name="pick"/> for the member who gets it, and records them as the team's last assignment before
    /// the lock is let go, so two hosts assigning at once never pick from the same round-robin position. Returns the
    /// picked member id; null when there is no such team or <paramref name="pick"/> picks nobody (nothing is recorded).
    /// </summary>
    string? Assign(string teamId, Func<Team, string?> pick);

    /// <summary>Deletes the team; false when there was none.</summary>
    bool Delete(string id);
}
