using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.Knowledge.VectorStore;
using SmbBot.PostgreSql.Faq;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The FAQ phrasings contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlFaqCollectionTests : FaqCollectionContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlFaqCollectionTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
    }

    protected override FaqPhrasingCollection Open() => new PostgreSqlFaqCollection(_db);

    [Fact]
    public async Task Two_hosts_publishing_the_same_phrasings_at_once_neither_fail_nor_mix_them()
    {
        var records = Enumerable.Range(0, 60).Select(i => Phrasing($"e{i:00}#0", $"text {i}", i)).ToArray();
        var a = Open();
        var b = Open();

        for (int round = 0; round < 5; round++)
        {
            var changed = records.Select(r => Phrasing(r.Key, r.Text + " v" + round, r.Key.GetHashCode(StringComparison.Ordinal) + round)).ToArray();
            await Task.WhenAll(Task.Run(() => a.UpsertAsync(changed)), Task.Run(() => b.UpsertAsync(changed.Reverse())));
        }

        var stored = Open();
        Assert.Equal(60, stored.Count);
        foreach (var r in records)
        {
            var got = await stored.GetAsync(r.Key, new() { IncludeVectors = true });
            Assert.Equal(r.Text + " v4", got!.Text);
            Assert.Equal(Vector(r.Key.GetHashCode(StringComparison.Ordinal) + 4), got.Vector.ToArray());
        }
    }

    public void Dispose() => _db.Dispose();
}
