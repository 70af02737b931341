using Npgsql;
using SmbBot.Core.Teams;

namespace SmbBot.PostgreSql.Teams;

/// <summary>
/// The business's teams in PostgreSQL (table <c>teams</c>). A change reads the team <c>FOR UPDATE</c> and writes it in
/// the same transaction; the upper-cased name is unique, so two hosts naming two teams alike at once store one and
/// tell the other which team has the name. An automatic assignment holds the team's row lock from its read to its
/// write, so hosts assigning tickets of one team at once take turns in the rotation.
/// </summary>
public sealed class PostgreSqlTeamStore(NpgsqlDataSource database) : ITeamStore
{
    private const string Columns = "id, name, members, auto_assign, last_assigned_id";

    /// <inheritdoc/>
    public IReadOnlyList<Team> All()
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM teams");
        return ByName(ReadAll(read));
    }

    /// <inheritdoc/>
    public Team? Get(string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        using var read = database.CreateCommand($"SELECT {Columns} FROM teams WHERE id = $1");
        read.Parameters.Add(new() { Value = id });
        return ReadAll(read).SingleOrDefault();
    }

    /// <inheritdoc/>
    public Team? Named(string name)
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM teams WHERE name_key = $1");
        read.Parameters.Add(new() { Value = Key(name.Trim()) });
        return ReadAll(read).SingleOrDefault();
    }

    /// <inheritdoc/>
    public IReadOnlyList<Team> Of(string staffId)
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM teams WHERE members @> ARRAY[$1]");
        read.Parameters.Add(new() { Value = staffId });
        return ByName(ReadAll(read));
    }

    /// <inheritdoc/>
    public (Team? Team, string? Problem) Save(string? id, string name, IEnumerable<string> members, AutoAssign mode)
    {
        name = name.Trim();
        if (name.Length is 0 or > Team.MaxName) return (null, $"the team name must have 1-{Team.MaxName} characters");
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Team? team;
        if (string.IsNullOrEmpty(id)) team = new Team { Id = Guid.NewGuid().ToString("N") };
        else
        {
            using var read = new NpgsqlCommand($"SELECT {Columns} FROM teams WHERE id = $1 FOR UPDATE", connection) { Parameters = { new() { Value = id } } };
            team = ReadAll(read).SingleOrDefault();
        }
        if (team is null) return (null, "there is no such team");
        team.Name = name;
        team.Members = members.Where(m => !string.IsNullOrWhiteSpace(m)).Distinct().ToList();
        team.AutoAssign = mode;
        if (team.LastAssignedId is { } last && !team.Members.Contains(last)) team.LastAssignedId = null;
        using var write = new NpgsqlCommand($"""
            INSERT INTO teams (id, name, name_key, members, auto_assign, last_assigned_id) VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (id) DO UPDATE SET name = $2, name_key = $3, members = $4, auto_assign = $5, last_assigned_id = $6
            """, connection)
        {
            Parameters =
            {
                new() { Value = team.Id }, new() { Value = team.Name }, new() { Value = Key(team.Name) }, new() { Value = team.Members.ToArray() },
                new() { Value = team.AutoAssign.ToString() }, new() { Value = (object?)team.LastAssignedId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text },
            },
        };
        try
        {
            write.ExecuteNonQuery();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation && e.ConstraintName == "teams_name_key_key")
        {
            transaction.Rollback();
            return (null, $"there is already a team named {Named(name)?.Name ?? name}");
        }
        transaction.Commit();
        return (team, null);
    }

    /// <inheritdoc/>
    /// <remarks>The team's row lock (<c>FOR UPDATE</c>) is held from the read to the write, across hosts.</remarks>
    public string? Assign(string teamId, Func<Team, string?> pick)
    {
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var read = new NpgsqlCommand($"SELECT {Columns} FROM teams WHERE id = $1 FOR UPDATE", connection) { Parameters = { new() { Value = teamId } } };
        if (ReadAll(read).SingleOrDefault() is not { } team || pick(team) is not { } picked) return null;
        using var update = new NpgsqlCommand("UPDATE teams SET last_assigned_id = $2 WHERE id = $1", connection)
        {
            Parameters = { new() { Value = teamId }, new() { Value = picked } },
        };
        update.ExecuteNonQuery();
        transaction.Commit();
        return picked;
    }

    /// <inheritdoc/>
    public bool Delete(string id)
    {
        using var delete = database.CreateCommand("DELETE FROM teams WHERE id = $1");
        delete.Parameters.Add(new() { Value = id });
        return delete.ExecuteNonQuery() == 1;
    }

    /// <summary>The name as the uniqueness rule compares it: LiteDB's store compares with <see cref="StringComparer.OrdinalIgnoreCase"/>.</summary>
    private static string Key(string name) => name.ToUpperInvariant();

    // Sorted here, with the same comparer as on LiteDB, rather than by the database's collation.
    private static Team[] ByName(IEnumerable<Team> teams) => teams.OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase).ToArray();

    private static List<Team> ReadAll(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<Team>();
        while (reader.Read())
        {
            found.Add(new Team
            {
                Id = reader.GetString(0), Name = reader.GetString(1), Members = [.. reader.GetFieldValue<string[]>(2)],
                AutoAssign = Enum.Parse<AutoAssign>(reader.GetString(3)), LastAssignedId = reader.IsDBNull(4) ? null : reader.GetString(4),
            });
        }
        return found;
    }
}
