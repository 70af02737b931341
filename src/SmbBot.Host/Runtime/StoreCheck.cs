using LiteDB;
using Npgsql;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.Host.Runtime;

/// <summary>What <c>/health/ready</c> says about the store.</summary>
/// <param name="Provider">LiteDb or PostgreSql.</param>
/// <param name="Open">The store can be read (and, on PostgreSQL, has this build's schema).</param>
/// <param name="SchemaVersion">PostgreSQL: the database's schema version; null on LiteDB or when unreachable.</param>
/// <param name="ExpectedSchemaVersion">PostgreSQL: the version this build needs.</param>
/// <param name="Problem">Why it is not open, in plain words (never the connection string).</param>
public sealed record StoreReport(string Provider, bool Open, int? SchemaVersion = null, int? ExpectedSchemaVersion = null, string? Problem = null);

/// <summary>Checks the store for readiness.</summary>
public interface IStoreCheck
{
    /// <summary>Whether the store can serve now.</summary>
    Task<StoreReport> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>The LiteDB file: open, not faulted, the FAQ index there.</summary>
public sealed class LiteDbStoreCheck(ILiteDatabase db, SmbBot.Core.StoreFaults faults) : IStoreCheck
{
    /// <inheritdoc/>
    public Task<StoreReport> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            var open = !faults.Faulted && db.CollectionExists(RuntimeServiceCollectionExtensions.FaqCollectionName);
            return Task.FromResult(new StoreReport("LiteDb", open, Problem: open ? null : faults.Faulted ? "the data file failed" : "the FAQ index is missing"));
        }
        catch (Exception e) when (e is LiteException or IOException)
        {
            return Task.FromResult(new StoreReport("LiteDb", false, Problem: $"the data file cannot be read ({e.GetType().Name})"));
        }
    }
}

/// <summary>The PostgreSQL database: reachable within <see cref="Wait"/> and at this build's schema version.</summary>
public sealed class PostgreSqlStoreCheck(NpgsqlDataSource database) : IStoreCheck
{
    /// <summary>How long a readiness check waits for the database.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    /// <inheritdoc/>
    public async Task<StoreReport> CheckAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Wait);
        var latest = SchemaMigrations.Latest;
        try
        {
            var version = await VersionAsync(timeout.Token);
            return new StoreReport("PostgreSql", version == latest, version, latest,
                version == latest ? null : $"the database's schema is version {version}, this build needs {latest}");
        }
        catch (Exception e) when ((e is NpgsqlException or OperationCanceledException or TimeoutException) && !cancellationToken.IsCancellationRequested)
        {
            var why = e is OperationCanceledException ? $"no answer within {Wait.TotalSeconds:0} s" : e.Message;
            return new StoreReport("PostgreSql", false, null, latest, $"the database cannot be reached ({why})");
        }
    }

    private async Task<int> VersionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var read = database.CreateCommand("SELECT coalesce(max(version), 0) FROM schema_version");
            return (int)(await read.ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // reachable, never migrated
        }
    }
}
