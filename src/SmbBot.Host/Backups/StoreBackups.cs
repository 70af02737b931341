using LiteDB;
using SmbBot.Core.Storage;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Backups;

/// <summary>A backup just taken: its file and what it holds.</summary>
public sealed record TakenBackup(BackupFile File, BackupContents Contents);

/// <summary>Takes a backup of the open store into the backup folder and deletes the ones beyond <c>Backup:Keep</c>.</summary>
public static class StoreBackups
{
    /// <summary>Takes a backup now. Throws (I/O, LiteDB, <see cref="InvalidDataException"/>) when it cannot be taken or is not sound.</summary>
    public static TakenBackup Take(ILiteDatabase database, SmbBotPaths paths, BackupOptions options, DateTime nowUtc)
    {
        OwnerOnly.CreateFolder(paths.Backups);
        foreach (var partial in Directory.EnumerateFiles(paths.Backups, "*.partial")) File.Delete(partial); // left by a kill mid-copy
        var file = new BackupFile(Path.Combine(paths.Backups, BackupFile.NameFor(nowUtc)), nowUtc);
        var contents = LiteDbBackup.Take(database, paths.Database, file.Path);
        foreach (var expired in BackupSchedule.Expired(BackupFile.In(paths.Backups), options.Keep)) File.Delete(expired.Path);
        return new TakenBackup(file, contents);
    }
}
