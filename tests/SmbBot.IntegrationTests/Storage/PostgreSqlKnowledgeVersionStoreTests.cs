using Npgsql;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Knowledge;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The knowledge version store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlKnowledgeVersionStoreTests : KnowledgeVersionStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlKnowledgeVersionStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlKnowledgeVersionStore(_db);
    }

    protected override IKnowledgeVersionStore Store { get; }

    [Fact]
    public void Two_hosts_publishing_at_once_get_numbers_one_to_n_each_once()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlKnowledgeVersionStore(otherHost) };

        var numbers = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].Add(Files($"answer {i}"), $"host {i % 2}", "publish", At).Number).ToArray();

        Assert.Equal(Enumerable.Range(1, 16), numbers.Order());
        Assert.True(Store.Shared);
    }

    [Fact]
    public void Hosts_sharing_one_knowledge_folder_record_one_change_on_disk_once()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlKnowledgeVersionStore(otherHost) };
        Store.Add(Files("20 spaces"), "files on disk", "as found at start", At);

        var results = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].AddChanged(Files("35 spaces"), "files on disk", "files changed on disk", At)).ToArray();

        Assert.Single(results, r => r.Added);
        Assert.Equal(2, Store.List().Count);
        Assert.All(results, r => Assert.Equal(2, r.Version.Number));
    }

    [Fact]
    public void Hosts_starting_at_once_on_an_empty_store_record_one_first_version()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlKnowledgeVersionStore(otherHost) };

        var firsts = Enumerable.Range(0, 8).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].AddFirst(Files($"answer {i}"), "files on disk", "as found at start", At)).ToArray();

        var only = Assert.Single(Store.List());
        Assert.All(firsts, f => Assert.Equal(only, f));
    }

    public void Dispose() => _db.Dispose();
}
