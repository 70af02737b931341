using Npgsql;
using SmbBot.Core.Teams;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Teams;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The team store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTeamStoreTests : TeamStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlTeamStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlTeamStore(_db);
    }

    protected override ITeamStore Store { get; }

    [Fact]
    public void Two_hosts_naming_teams_alike_at_once_store_one_and_tell_the_others_which_has_the_name()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlTeamStore(otherHost) };

        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].Save(null, i % 3 == 0 ? "BILLING" : "Billing", [$"m{i}"], AutoAssign.Off)).ToArray();

        var saved = Assert.Single(results, r => r.Team is not null).Team!;
        Assert.All(results.Where(r => r.Team is null), r => Assert.Equal($"there is already a team named {saved.Name}", r.Problem));
        Assert.Equal([saved.Id], Store.All().Select(t => t.Id));
    }

    [Fact]
    public void Two_hosts_assigning_tickets_of_one_team_at_once_give_each_member_their_turn()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlTeamStore(otherHost) };
        var team = Store.Save(null, "Support", ["kim", "lee", "sam", "ada"], AutoAssign.RoundRobin).Team!;

        // A slow pick widens the window in which a read-then-write without the row lock would let both hosts pick alike.
        var picked = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].Assign(team.Id, t => { Thread.Sleep(2); return NextInTurn(t); }) ?? "nobody").ToArray();

        Assert.All(picked.CountBy(m => m), c => Assert.Equal(10, c.Value));
        Assert.Equal(4, picked.Distinct().Count());
    }

    public void Dispose() => _db.Dispose();
}
