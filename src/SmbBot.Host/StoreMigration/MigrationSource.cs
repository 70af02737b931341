using LiteDB;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.Storage;
using SmbBot.Host.KnowledgeEditor;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;

namespace SmbBot.Host.StoreMigration;

/// <summary>
/// The LiteDB store a migration reads: the installation's data folder, held with the same lock a running host takes,
/// or a backup file taken by the <c>backup</c> verb, opened read-only; and the knowledge versions, files in the data
/// folder (<c>knowledge-versions/</c>, also read for a backup, which holds only the store). Dispose releases both.
/// </summary>
public sealed class MigrationSource : IDisposable
{
    private readonly DataFolderLock? _lock;

    private MigrationSource(LiteDatabase database, string description, IKnowledgeVersionStore versions, DataFolderLock? folderLock) =>
        (Database, Description, Versions, _lock) = (database, description, versions, folderLock);

    /// <summary>The open store.</summary>
    public LiteDatabase Database { get; }

    /// <summary>The published knowledge versions of the installation.</summary>
    public IKnowledgeVersionStore Versions { get; }

    /// <summary>Where it was read from, for the output.</summary>
    public string Description { get; }

    /// <summary>Opens the data folder's store, or throws <see cref="DataStoreException"/> with the one line to show.</summary>
    public static MigrationSource FromDataFolder(SmbBotPaths paths)
    {
        if (!Directory.Exists(paths.Data))
            throw new DataStoreException($"there is no data folder at {paths.Data} (Storage:DataPath); nothing was moved");
        var folderLock = DataFolderLock.TryAcquire(paths.Data) ?? throw new DataStoreException(
            $"SmbBot is running on {paths.Data} (it holds {DataFolderLock.FileName}); stop it first (e.g. sudo systemctl stop smbbot) and run migrate-store again, "
            + "or migrate from a backup taken while it runs (backup --to <file>, then migrate-store --from <file>): what happens after that backup is not moved. Nothing was moved");
        try
        {
            if (DataStore.Check(paths).Start == StoreStart.CreateNew)
                throw new DataStoreException($"there is no store at {paths.Database} to migrate; nothing was moved");
            return new MigrationSource(DataStore.Open(paths), paths.Database, new FileKnowledgeVersionStore(paths), folderLock);
        }
        catch
        {
            folderLock.Dispose();
            throw;
        }
    }

    /// <summary>Checks a backup file (every page, then LiteDB reads it) and opens it read-only; the knowledge versions come from <paramref name="paths"/>' data folder.</summary>
    public static MigrationSource FromBackup(string file, SmbBotPaths paths)
    {
        if (!File.Exists(file)) throw new DataStoreException($"there is no backup file at {file}; nothing was moved");
        try
        {
            LiteDbBackup.Verify(file);
        }
        catch (InvalidDataException e)
        {
            throw new DataStoreException($"the backup {e.Message}; nothing was moved", e);
        }
        Runtime.LiteDbMappings.WarmUp();
        return new MigrationSource(new LiteDatabase(new ConnectionString { Filename = file, ReadOnly = true, Connection = ConnectionType.Direct }), file,
            new FileKnowledgeVersionStore(paths), null);
    }

    public void Dispose()
    {
        Database.Dispose();
        _lock?.Dispose();
    }
}
