using Npgsql;

namespace SmbBot.PostgreSql.Migrations;

/// <summary>What <see cref="SchemaMigrator.ApplyAsync"/> did: the version found, the version left, and the steps run.</summary>
public sealed record SchemaMigrationResult(int FromVersion, int ToVersion, IReadOnlyList<SchemaMigration> Applied);

/// <summary>
/// Brings a database to the newest schema. Everything runs in one transaction that first takes a transaction-scoped
/// advisory lock, so hosts starting at the same time run the steps once, one after the other: the second waits, then
/// finds them recorded in <c>schema_version</c> and does nothing. A failed step rolls back every step of that start.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>The advisory lock key every SmbBot host takes while migrating ("SmbBot" in ASCII).</summary>
    public const long LockKey = 0x536D62426F74;

    /// <summary>How long a start waits for another host's migration before it gives up.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(60);

    /// <summary>Applies the migrations of <paramref name="migrations"/> (default: this build's) not yet recorded.</summary>
    public static async Task<SchemaMigrationResult> ApplyAsync(NpgsqlDataSource database, IReadOnlyList<SchemaMigration>? migrations = null, CancellationToken cancel = default)
    {
        migrations ??= SchemaMigrations.All;
        await using var connection = await database.OpenConnectionAsync(cancel);
        await using var transaction = await connection.BeginTransactionAsync(cancel);
        await ExecuteAsync(connection, $"SET LOCAL lock_timeout = '{(int)LockWait.TotalMilliseconds}ms'", cancel);
        await ExecuteAsync(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancel);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS schema_version (
                version    integer PRIMARY KEY,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancel);
        await using var read = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", connection);
        var current = (int)(await read.ExecuteScalarAsync(cancel))!;
        var latest = migrations.Count == 0 ? 0 : migrations[^1].Version;
        if (current > latest)
            throw new InvalidOperationException($"the database's schema is version {current}, newer than this SmbBot knows ({latest}): run the newer SmbBot, or restore a backup taken before the upgrade");

        var applied = new List<SchemaMigration>();
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await ExecuteAsync(connection, migration.Sql, cancel);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, name) VALUES ($1, $2)", connection)
            {
                Parameters = { new() { Value = migration.Version }, new() { Value = migration.Name } },
            };
            await record.ExecuteNonQueryAsync(cancel);
            applied.Add(migration);
        }
        await transaction.CommitAsync(cancel);
        return new SchemaMigrationResult(current, Math.Max(current, latest), applied);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancel)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancel);
    }
}
