using Npgsql;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The ticket store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlTicketStoreTests : TicketStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlTicketStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlTicketStore(_db);
    }

    protected override ITicketStore Store { get; }

    [Fact]
    public void Two_hosts_on_one_database_never_share_a_number_or_lose_a_change()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var other = new PostgreSqlTicketStore(otherHost);
        var shared = Store.Create(new Ticket { ConversationId = "shared" }).Id;

        var ids = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => (i % 2 == 0 ? Store : other).Create(new Ticket { ConversationId = $"c{i}" }).Id).ToArray();
        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 6 },
            i => (i % 2 == 0 ? Store : other).Change(shared, t => t.Tags.Add($"tag{i}")));

        Assert.Equal(40, ids.Distinct().Count());
        Assert.DoesNotContain(shared, ids);
        Assert.Equal(20, other.Get(shared)!.Tags.Distinct().Count());
    }

    public void Dispose() => _db.Dispose();
}
