using LiteDB;

namespace SmbBot.Core.Teams;

/// <summary>The business's teams in LiteDB (collection <c>teams</c>).</summary>
public sealed class LiteDbTeamStore : ITeamStore
{
    private readonly ILiteCollection<Team> _teams;
    private readonly Lock _write = new();

    public LiteDbTeamStore(ILiteDatabase database)
    {
        _teams = database.GetCollection<Team>("teams");
        _teams.EnsureIndex(t => t.Name);
    }

    /// <inheritdoc/>
    public IReadOnlyList<Team> All() => _teams.FindAll().OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    /// <inheritdoc/>
    public Team? Get(string? id) => string.IsNullOrEmpty(id) ? null : _teams.FindById(id);

    /// <inheritdoc/>
    public Team? Named(string name) => All().FirstOrDefault(t => string.Equals(t.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public IReadOnlyList<Team> Of(string staffId) => All().Where(t => t.Members.Contains(staffId)).ToArray();

    /// <inheritdoc/>
    public (Team? Team, string? Problem) Save(string? id, string name, IEnumerable<string> members, AutoAssign mode)
    {
        name = name.Trim();
        if (name.Length is 0 or > Team.MaxName) return (null, $"the team name must have 1-{Team.MaxName} characters");
        lock (_write)
        {
            var team = string.IsNullOrEmpty(id) ? new Team { Id = Guid.NewGuid().ToString("N") } : _teams.FindById(id);
            if (team is null) return (null, "there is no such team");
            if (Named(name) is { } other && other.Id != team.Id) return (null, $"there is already a team named {other.Name}");
            team.Name = name;
            team.Members = members.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();
            team.AutoAssign = mode;
            if (team.LastAssignedId is { } last && !team.Members.Contains(last)) team.LastAssignedId = null;
            _teams.Upsert(team);
            return (team, null);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One process owns a LiteDB file, so the store's lock is the team's lock.</remarks>
    public string? Assign(string teamId, Func<Team, string?> pick)
    {
        lock (_write)
        {
            if (_teams.FindById(teamId) is not { } team || pick(team) is not { } picked) return null;
            team.LastAssignedId = picked;
            _teams.Update(team);
            return picked;
        }
    }

    /// <inheritdoc/>
    public bool Delete(string id)
    {
        lock (_write) return _teams.Delete(id);
    }
}
