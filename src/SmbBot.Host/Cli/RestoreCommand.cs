using System.CommandLine;
using SmbBot.Core.Storage;
using SmbBot.Host.Backups;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;

namespace SmbBot.Host.Cli;

/// <summary><c>restore [&lt;backup file&gt;]</c>: puts a backup (default: the newest) in place of the store while SmbBot is stopped.</summary>
public static class RestoreCommand
{
    /// <summary>The <c>restore</c> verb.</summary>
    public static Command Create(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var file = new Argument<string?>("backup file") { Description = "the backup to restore (default: the newest in Backup:Folder)", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("restore",
            "put a backup in place of the store; SmbBot must be stopped. The replaced smbbot.db is kept in data/replaced-<time>/. " +
            "Run it as the account that runs SmbBot. Exit code 0: restored; 1: nothing was changed")
        {
            file,
        };
        command.SetAction(parsed => Run(configuration, parsed.GetValue(file), output, errors));
        return command;
    }

    private static int Run(IConfiguration configuration, string? given, TextWriter output, TextWriter errors)
    {
        var paths = SmbBotPaths.From(configuration);
        BackupOptions.Read(configuration, paths);
        using var folderLock = DataFolderLock.TryAcquire(paths.Data);
        if (folderLock is null)
        {
            errors.WriteLine($"error: SmbBot is running on {paths.Data}; stop it first (e.g. sudo systemctl stop smbbot), then restore; nothing was changed");
            return 1;
        }
        var backup = given is { Length: > 0 } ? TypedPath.Resolve(given) : BackupFile.In(paths.Backups).FirstOrDefault()?.Path;
        if (backup is null)
        {
            errors.WriteLine($"error: there is no backup in {paths.Backups}; give the file to restore: restore <backup file>");
            return 1;
        }
        var restored = StoreRestore.Run(paths, backup, DateTime.UtcNow);
        output.WriteLine($"restored {restored.From} ({restored.Contents}) into {paths.Database}");
        if (restored.ReplacedKeptIn is { } kept) output.WriteLine($"the replaced files are kept in {kept}");
        return 0;
    }
}
