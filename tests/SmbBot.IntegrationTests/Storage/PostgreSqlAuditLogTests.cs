using Npgsql;
using SmbBot.Core.Privacy;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Privacy;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The audit log contract on PostgreSQL, its refusal of changes, and two hosts appending at once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlAuditLogTests : AuditLogContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlAuditLogTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Log = new PostgreSqlAuditLog(_db);
    }

    protected override IAuditLog Log { get; }

    [Theory]
    [InlineData("UPDATE audit SET detail = 'nothing happened'")]
    [InlineData("DELETE FROM audit")]
    [InlineData("TRUNCATE audit")]
    public void An_entry_cannot_be_changed_or_deleted(string sql)
    {
        Log.Add(Entry("erase", 0, "2 records"));

        using var change = _db.CreateCommand(sql);
        var refused = Assert.Throws<PostgresException>(() => change.ExecuteNonQuery());

        Assert.Contains("the audit log is append-only", refused.MessageText);
        Assert.Equal("2 records", Assert.Single(Log.Recent()).Detail);
    }

    [Fact]
    public void Two_hosts_appending_at_once_lose_no_entry()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        IAuditLog[] hosts = [Log, new PostgreSqlAuditLog(otherHost)];

        Parallel.For(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i => hosts[i % 2].Add(Entry("settings", i % 5, $"change {i}")));

        Assert.Equal(60, Log.Recent("settings", take: 100).Select(e => e.Detail).Distinct().Count());
    }

    public void Dispose() => _db.Dispose();
}
