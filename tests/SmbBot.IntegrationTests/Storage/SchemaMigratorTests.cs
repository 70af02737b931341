using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The schema migrations on a real PostgreSQL: hosts starting at once, starting again, a failed step, a newer database.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class SchemaMigratorTests(PostgreSqlTestCluster cluster)
{
    [Fact]
    public async Task Hosts_starting_at_once_apply_each_migration_once()
    {
        await using var db = NpgsqlDataSource.Create(cluster.NewDatabase());

        // Each "host" has its own connection pool, as separate processes would.
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var host = NpgsqlDataSource.Create(db.ConnectionString);
            return await SchemaMigrator.ApplyAsync(host);
        })));

        Assert.Single(results, r => r.Applied.Count == SchemaMigrations.All.Count);
        Assert.Equal(3, results.Count(r => r.Applied.Count == 0 && r.FromVersion == SchemaMigrations.Latest));
        Assert.Equal(SchemaMigrations.All.Select(m => (m.Version, m.Name)), await VersionsAsync(db));
    }

    [Fact]
    public async Task Starting_again_changes_nothing()
    {
        await using var db = NpgsqlDataSource.Create(cluster.NewDatabase());
        await SchemaMigrator.ApplyAsync(db);
        var before = await AppliedAtAsync(db);

        var again = await SchemaMigrator.ApplyAsync(db);

        Assert.Equal((SchemaMigrations.Latest, SchemaMigrations.Latest, 0), (again.FromVersion, again.ToVersion, again.Applied.Count));
        Assert.Equal(before, await AppliedAtAsync(db));
    }

    [Fact]
    public async Task A_new_migration_runs_once_after_the_old_ones_and_a_failing_one_leaves_nothing_half_done()
    {
        await using var db = NpgsqlDataSource.Create(cluster.NewDatabase());
        await SchemaMigrator.ApplyAsync(db);
        var next = SchemaMigrations.Latest + 1;
        var failing = SchemaMigrations.All.Append(new SchemaMigration(next, "half", "CREATE TABLE half_done (id int); SELECT no_such_function();")).ToArray();

        await Assert.ThrowsAsync<PostgresException>(() => SchemaMigrator.ApplyAsync(db, failing));
        Assert.False(await TableExistsAsync(db, "half_done"));
        Assert.Equal(SchemaMigrations.Latest, (await VersionsAsync(db)).Max(v => v.Version));

        var good = SchemaMigrations.All.Append(new SchemaMigration(next, "extra", "CREATE TABLE extra (id int)")).ToArray();
        var result = await SchemaMigrator.ApplyAsync(db, good);
        Assert.Equal((SchemaMigrations.Latest, next), (result.FromVersion, result.ToVersion));
        Assert.Equal("extra", Assert.Single(result.Applied).Name);
        Assert.True(await TableExistsAsync(db, "extra"));
    }

    [Fact]
    public async Task A_database_newer_than_this_build_is_refused_with_a_clear_error()
    {
        await using var db = NpgsqlDataSource.Create(cluster.NewDatabase());
        var newer = SchemaMigrations.All.Append(new SchemaMigration(SchemaMigrations.Latest + 1, "future", "SELECT 1")).ToArray();
        await SchemaMigrator.ApplyAsync(db, newer);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.ApplyAsync(db));

        Assert.Contains($"version {SchemaMigrations.Latest + 1}, newer than this SmbBot knows ({SchemaMigrations.Latest})", error.Message);
    }

    private static async Task<List<(int Version, string Name)>> VersionsAsync(NpgsqlDataSource db)
    {
        await using var read = db.CreateCommand("SELECT version, name FROM schema_version ORDER BY version");
        await using var reader = await read.ExecuteReaderAsync();
        var found = new List<(int, string)>();
        while (await reader.ReadAsync()) found.Add((reader.GetInt32(0), reader.GetString(1)));
        return found;
    }

    private static async Task<List<DateTime>> AppliedAtAsync(NpgsqlDataSource db)
    {
        await using var read = db.CreateCommand("SELECT applied_at FROM schema_version ORDER BY version");
        await using var reader = await read.ExecuteReaderAsync();
        var found = new List<DateTime>();
        while (await reader.ReadAsync()) found.Add(reader.GetDateTime(0));
        return found;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlDataSource db, string table)
    {
        await using var read = db.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        read.Parameters.Add(new() { Value = table });
        return (bool)(await read.ExecuteScalarAsync())!;
    }
}
