using Npgsql;
using SmbBot.Host.Runtime;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>What /health/ready says about a PostgreSQL database: reachable, and at this build's schema version.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreCheckTests(PostgreSqlTestCluster cluster)
{
    [Fact]
    public async Task A_migrated_database_is_open_at_the_latest_schema_version()
    {
        await using var db = NpgsqlDataSource.Create(cluster.NewDatabase());
        await SchemaMigrator.ApplyAsync(db);

        var report = await new PostgreSqlStoreCheck(db).CheckAsync(CancellationToken.None);

        Assert.Equal(new StoreReport("PostgreSql", true, SchemaMigrations.Latest, SchemaMigrations.Latest), report);
    }

    [Fact]
    public async Task A_database_never_migrated_is_reachable_but_not_open()
    {
        await using var db = NpgsqlDataSource.Create(cluster.NewDatabase());

        var report = await new PostgreSqlStoreCheck(db).CheckAsync(CancellationToken.None);

        Assert.Equal(("PostgreSql", false, 0), (report.Provider, report.Open, report.SchemaVersion));
        Assert.Equal($"the database's schema is version 0, this build needs {SchemaMigrations.Latest}", report.Problem);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_not_open_and_says_so_quickly()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var db = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=smbbot;Password=secret-7;Timeout=30");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var report = await new PostgreSqlStoreCheck(db).CheckAsync(CancellationToken.None);

        Assert.Equal(("PostgreSql", false, (int?)null), (report.Provider, report.Open, report.SchemaVersion));
        Assert.StartsWith("the database cannot be reached (", report.Problem);
        Assert.DoesNotContain("secret-7", report.Problem);
        Assert.True(clock.Elapsed < PostgreSqlStoreCheck.Wait + TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }
}
