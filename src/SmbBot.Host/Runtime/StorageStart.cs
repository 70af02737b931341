using Microsoft.Extensions.Options;
using Npgsql;
using SmbBot.Host.Configuration;
using SmbBot.PostgreSql;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.Host.Runtime;

/// <summary>
/// The store's part of the start, before anything reads it: the storage settings, and on PostgreSQL the database
/// reached and brought to this build's schema, then the refusal while some stores are missing.
/// </summary>
public static partial class StorageStart
{
    /// <summary>
    /// Checks the settings (<see cref="OptionsValidationException"/>), reaches and migrates the database
    /// (<see cref="DataStoreException"/> when it cannot: within Npgsql's connect timeout, <c>Timeout</c> in the
    /// connection string, 15 s by default).
    /// </summary>
    public static async Task PrepareAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var options = services.GetRequiredService<StorageOptions>();
        if (StorageSettings.Check(options.Provider, options.ConnectionString).Provider != StorageProvider.PostgreSql) return;
        var where = StorageSettings.Describe(options.ConnectionString!);
        SchemaMigrationResult result;
        try
        {
            result = await SchemaMigrator.ApplyAsync(services.GetRequiredService<NpgsqlDataSource>(), cancel: cancellationToken);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            var why = e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message}: {inner.Message}" : e.Message;
            throw new DataStoreException($"the PostgreSQL database {where} (Storage:ConnectionString) cannot be used: {why}. "
                + "Nothing was changed; check that PostgreSQL runs, that this machine may connect, and the database, user and password", e);
        }
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageStart));
        LogSchema(logger, where, result.FromVersion, result.ToVersion, result.Applied.Count);
        if (StorageSettings.Incomplete() is { } refusal)
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), [refusal]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL database {Database}: schema version {From} -> {To} ({Applied} step(s) applied)")]
    private static partial void LogSchema(ILogger logger, string database, int from, int to, int applied);
}
