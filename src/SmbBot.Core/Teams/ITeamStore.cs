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

    /// <summary>Records who got the team's last automatic assignment (nothing when there is no such team).</summary>
    void SetLastAssigned(string teamId, string staffId);

    /// <summary>Deletes the team; false when there was none.</summary>
    bool Delete(string id);
}
