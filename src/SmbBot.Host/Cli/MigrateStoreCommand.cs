using System.CommandLine;
using System.Diagnostics;
using LiteDB;
using Npgsql;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.Host.StoreMigration;
using SmbBot.PostgreSql;
using SmbBot.PostgreSql.Import;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.Host.Cli;

/// <summary>
/// <c>migrate-store [--from &lt;backup file&gt;]</c>: moves a LiteDB installation's data (the stopped host's data folder,
/// or a backup) into the empty PostgreSQL database of <c>Storage:ConnectionString</c>, in one transaction.
/// </summary>
public static class MigrateStoreCommand
{
    /// <summary>The <c>migrate-store</c> verb.</summary>
    public static Command Create(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var from = new Option<string?>("--from") { Description = "read this backup file (taken by the backup command) instead of the data folder; what happened after the backup is not moved" };
        var command = new Command("migrate-store",
            "move every store of the LiteDB installation (Storage:DataPath; SmbBot must be stopped) into the empty PostgreSQL database of " +
            "Storage:ConnectionString, in one transaction. Exit code 0: moved and counted; 1: nothing was written")
        {
            from,
        };
        command.SetAction((parsed, cancel) => RunAsync(configuration, parsed.GetValue(from), output, errors, cancel));
        return command;
    }

    private static async Task<int> RunAsync(IConfiguration configuration, string? from, TextWriter output, TextWriter errors, CancellationToken cancel)
    {
        var connectionString = configuration[$"{StorageOptions.SectionName}:ConnectionString"];
        if (string.IsNullOrWhiteSpace(connectionString))
            return Fail(errors, "give the target database in Storage:ConnectionString (for example --Storage:ConnectionString \"Host=db.internal;Database=smbbot;Username=smbbot;Password=…\", or the environment variable Storage__ConnectionString)");
        if (StorageSettings.Check(nameof(StorageProvider.PostgreSql), connectionString).Problems is [var problem, ..]) return Fail(errors, problem);
        var where = StorageSettings.Describe(connectionString);

        using var source = from is { Length: > 0 } ? MigrationSource.FromBackup(TypedPath.Resolve(from), SmbBotPaths.From(configuration)) : MigrationSource.FromDataFolder(SmbBotPaths.From(configuration));
        if (LiteDbToPostgreSql.UnknownCollections(source.Database) is [_, ..] unknown)
            return Fail(errors, $"{source.Description} holds collections this SmbBot does not know how to move ({string.Join(", ", unknown)}); use the SmbBot version that wrote it. Nothing was moved");

        await using var target = NpgsqlDataSource.Create(connectionString);
        try
        {
            if (PostgreSqlImport.Occupied(target) is { Count: > 0 } occupied)
                return Fail(errors, $"the PostgreSQL database {where} already holds data ({Counts(occupied)}); migrate-store only fills an empty database. Nothing was written");
            await SchemaMigrator.ApplyAsync(target, cancel: cancel);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return Fail(errors, $"the PostgreSQL database {where} (Storage:ConnectionString) cannot be used: {Reason(e)}. Nothing was written; check that PostgreSQL runs, that this machine may connect, and the database, user and password");
        }

        output.WriteLine($"moving {source.Description} into {where} ...");
        var clock = Stopwatch.StartNew();
        IReadOnlyList<MovedStore> stores;
        IReadOnlyDictionary<string, long> written;
        try
        {
            (stores, written) = LiteDbToPostgreSql.Run(source, target);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or LiteException or InvalidCastException
            or ArgumentException or IOException or InvalidDataException)
        {
            return Fail(errors, $"the move failed and was rolled back; nothing was written to {where}: {Reason(e)}");
        }
        clock.Stop();

        var found = PostgreSqlImport.Occupied(target);
        var wrong = written.Where(w => found.GetValueOrDefault(w.Key) != w.Value).Select(w => $"{w.Key} {found.GetValueOrDefault(w.Key)} of {w.Value}").ToArray();
        output.WriteLine($"moved: {string.Join(", ", stores.Select(s => $"{s.Name} {s.Records}"))}");
        if (wrong.Length > 0) return Fail(errors, $"the counts in {where} after the move differ from what was written: {string.Join(", ", wrong)}");
        output.WriteLine($"verified: {written.Count} tables hold the rows written ({written.Values.Sum()} rows) in {clock.Elapsed.TotalSeconds:0.0} s");
        foreach (var (collection, why) in StoreMoves.CollectionsNotMoved.Where(c => source.Database.CollectionExists(c.Key)))
            output.WriteLine($"not moved: {collection} {source.Database.GetCollection(collection).Count()} ({why})");
        output.WriteLine("next: set Storage:Provider to PostgreSql with this Storage:ConnectionString and start SmbBot; keep its Storage:DataPath (the Direct Line secret and the models are there)");
        return 0;
    }

    private static string Counts(IReadOnlyDictionary<string, long> tables) => string.Join(", ", tables.Select(t => $"{t.Key} {t.Value}"));

    // Npgsql's messages name the server and the error, never the password.
    private static string Reason(Exception e) =>
        e.InnerException is { } inner && !e.Message.Contains(inner.Message, StringComparison.Ordinal) ? $"{e.Message}: {inner.Message}" : e.Message;

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine($"error: {message}");
        return 1;
    }
}
