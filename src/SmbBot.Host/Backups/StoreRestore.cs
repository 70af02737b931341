using SmbBot.Core.Storage;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;

namespace SmbBot.Host.Backups;

/// <summary>What a restore did.</summary>
public sealed record Restored(string From, BackupContents Contents, string? ReplacedKeptIn);

/// <summary>Puts a backup in place of the store while no host runs; the replaced files are kept aside, never deleted.</summary>
public static class StoreRestore
{
    /// <summary>
    /// Checks <paramref name="backup"/> (every page, then LiteDB reads it), moves the current <c>smbbot.db</c> and its
    /// log into <c>data/replaced-&lt;time&gt;/</c>, and copies the backup in (0600). The caller holds the
    /// <see cref="DataFolderLock"/>. Throws <see cref="DataStoreException"/> for a backup that is not sound.
    /// </summary>
    public static Restored Run(SmbBotPaths paths, string backup, DateTime nowUtc)
    {
        if (!File.Exists(backup)) throw new DataStoreException($"there is no backup at {backup}");
        BackupContents contents;
        try
        {
            contents = LiteDbBackup.Verify(backup);
        }
        catch (InvalidDataException e)
        {
            throw new DataStoreException($"the backup {e.Message}; nothing was changed. Choose another backup from {paths.Backups}", e);
        }

        string? keptIn = null;
        var current = new[] { paths.Database, DataStore.LogPath(paths) }.Where(File.Exists).ToArray();
        if (current.Length > 0)
        {
            keptIn = Path.Combine(paths.Data, $"replaced-{nowUtc:yyyyMMdd-HHmmss}");
            OwnerOnly.CreateFolder(keptIn);
            foreach (var file in current) File.Move(file, Path.Combine(keptIn, Path.GetFileName(file)));
        }

        var partial = paths.Database + ".restoring";
        using (var source = new FileStream(backup, FileMode.Open, FileAccess.Read, FileShare.Read))
        using (var target = OwnerOnly.Create(partial))
        {
            source.CopyTo(target, 1 << 20);
            target.Flush(flushToDisk: true);
        }
        File.Move(partial, paths.Database);
        DataStore.WriteMarker(paths);
        return new Restored(backup, contents, keptIn);
    }
}
