using LiteDB;
using SmbBot.Core.Storage;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Opens the one LiteDB file of the process after checking it, so that a damaged, lost or unwritable store stops the
/// start with one clear line (<see cref="DataStoreException"/>) instead of starting empty or broken.
/// </summary>
public static class DataStore
{
    /// <summary>The file, next to the store, that says a store was created in this folder.</summary>
    public const string MarkerName = "smbbot.created";

    /// <summary>The marker's path.</summary>
    public static string MarkerPath(SmbBotPaths paths) => Path.Combine(paths.Data, MarkerName);

    /// <summary>
    /// Checks and opens the store; the caller holds the <see cref="DataFolderLock"/>. A new store is created only
    /// where none was created before; the store and its marker are owner-only.
    /// </summary>
    public static LiteDatabase Open(SmbBotPaths paths)
    {
        LiteDbMappings.WarmUp();
        var (start, reason, state) = Check(paths);
        if (start == StoreStart.Refuse)
            throw new DataStoreException(DataStoreProblem.Damaged(paths, reason!, state.Condition is DataFileCondition.Missing or DataFileCondition.Empty));
        if (DataStoreProblem.CannotCreateFilesIn(paths.Data) is { } cannot)
            throw new DataStoreException(DataStoreProblem.FolderNotWritable(paths.Data, cannot), cannot);
        // Created here, owner-only, rather than by LiteDB with the process's umask (0644 by default).
        if (start == StoreStart.CreateNew) OwnerOnly.Create(paths.Database).Dispose();
        if (!File.Exists(LogPath(paths))) OwnerOnly.Create(LogPath(paths)).Dispose();
        EnsureWritable(paths.Database);
        EnsureWritable(LogPath(paths));

        var db = OpenLiteDb(paths);
        WriteMarker(paths);
        OwnerOnly.Restrict(paths.Database);
        return db;
    }

    /// <summary>Notes, next to the store, that a store exists here (kept if already there).</summary>
    public static void WriteMarker(SmbBotPaths paths)
    {
        if (!File.Exists(MarkerPath(paths)))
            OwnerOnly.WriteAllText(MarkerPath(paths), $"SmbBot keeps its store here. While this file exists, SmbBot will not start with a missing or empty smbbot.db.{Environment.NewLine}");
    }

    /// <summary>What the data file holds and whether it may be opened.</summary>
    public static (StoreStart Start, string? Reason, DataFileState State) Check(SmbBotPaths paths)
    {
        DataFileState state;
        try
        {
            state = DataFileCheck.Inspect(paths.Database);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataStoreException(DataStoreProblem.FileNotReadable(paths.Database, e), e);
        }
        var (start, reason) = StoreStartPolicy.Decide(state, File.Exists(MarkerPath(paths)));
        return (start, reason, state);
    }

    /// <summary>LiteDB's log file next to the store.</summary>
    public static string LogPath(SmbBotPaths paths) => Path.Combine(paths.Data, "smbbot-log.db");

    private static LiteDatabase OpenLiteDb(SmbBotPaths paths)
    {
        try
        {
            var db = new LiteDatabase(new ConnectionString { Filename = paths.Database, Connection = ConnectionType.Direct });
            db.GetCollectionNames().ToList(); // reads the header and the collection list
            if (!db.UtcDate) db.UtcDate = true; // times come back as UTC, whatever the server's time zone
            return db;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // LiteDB reports a damaged file with whatever exception the bad bytes lead to (ArgumentOutOfRangeException
            // for a garbled date in the header, for one): any of them means the store cannot be used as it is.
            throw new DataStoreException($"the data file {paths.Database} cannot be opened ({e.Message}); nothing was changed. " + DataStoreProblem.Advice(paths), e);
        }
    }

    private static void EnsureWritable(string file)
    {
        if (!File.Exists(file)) return;
        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataStoreException(DataStoreProblem.FileNotWritable(file, e), e);
        }
    }
}
