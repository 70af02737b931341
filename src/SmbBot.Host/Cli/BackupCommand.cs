using System.CommandLine;
using LiteDB;
using SmbBot.Core.Storage;
using SmbBot.Host.Backups;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;

namespace SmbBot.Host.Cli;

/// <summary>
/// <c>backup [--to &lt;path&gt;]</c>: a consistent backup of the store into the backup folder, whether or not the host is
/// running (a running host is asked to take it), and a copy to <c>--to</c>.
/// </summary>
public static class BackupCommand
{
    /// <summary>How long to wait for a running host's answer.</summary>
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The <c>backup</c> verb.</summary>
    public static Command Create(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var to = new Option<string?>("--to") { Description = "also copy the backup to this file, or into this folder (an existing file is not overwritten)" };
        var command = new Command("backup",
            "take a consistent backup of the store into Backup:Folder (default: backups in the data folder), also while SmbBot is " +
            "running: the running SmbBot takes it. Run it as the account that runs SmbBot. Exit code 0: backup written; 1: it could not be")
        {
            to,
        };
        command.SetAction((parsed, cancel) => RunAsync(configuration, parsed.GetValue(to), output, errors, cancel));
        return command;
    }

    private static async Task<int> RunAsync(IConfiguration configuration, string? to, TextWriter output, TextWriter errors, CancellationToken cancel)
    {
        if (StorageServiceCollectionExtensions.Chosen(configuration) == SmbBot.PostgreSql.StorageProvider.PostgreSql)
        {
            errors.WriteLine("error: Storage:Provider is PostgreSql: SmbBot's state is in the database, so back it up with PostgreSQL's own tools " +
                "(pg_dump, or base backups with WAL archiving); this command backs up the LiteDB file only");
            return 1;
        }
        var paths = SmbBotPaths.From(configuration);
        var options = BackupOptions.Read(configuration, paths);
        var target = to is { Length: > 0 } ? CopyTarget(TypedPath.Resolve(to)) : null;
        if (target is not null && File.Exists(target))
        {
            errors.WriteLine($"error: {target} exists; give a new file name or a folder");
            return 1;
        }

        BackupAnswer answer;
        using (var folderLock = DataFolderLock.TryAcquire(paths.Data))
        {
            answer = folderLock is null
                ? await BackupRequests.AskAsync(paths.Data, AnswerTimeout, cancel)
                : TakeHere(paths, options);
        }
        if (answer.Error is { } error || answer.File is null)
        {
            errors.WriteLine($"error: the backup failed: {answer.Error}");
            return 1;
        }
        output.WriteLine($"backup written: {answer.File} ({answer.Contents})");
        if (target is null) return 0;

        using (var source = new FileStream(answer.File, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var copy = OwnerOnly.Create(target))
        {
            await source.CopyToAsync(copy, cancel);
        }
        output.WriteLine($"copied to {target}");
        return 0;
    }

    /// <summary>No host runs: open the store here (checked as at start) and take the backup.</summary>
    private static BackupAnswer TakeHere(SmbBotPaths paths, BackupOptions options)
    {
        var (start, _, _) = DataStore.Check(paths);
        if (start == StoreStart.CreateNew) return new BackupAnswer(null, null, $"there is no store at {paths.Database} to back up");
        using var db = DataStore.Open(paths);
        try
        {
            var taken = StoreBackups.Take(db, paths, options, DateTime.UtcNow);
            return new BackupAnswer(taken.File.Path, taken.Contents.ToString(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException or InvalidDataException)
        {
            return new BackupAnswer(null, null, e.Message);
        }
    }

    private static string CopyTarget(string given) =>
        Directory.Exists(given) ? Path.Combine(given, $"smbbot-backup-{DateTime.UtcNow:yyyyMMdd-HHmmss}.db") : given;
}
