using LiteDB;

namespace SmbBot.Core.Storage;

/// <summary>Counts of documents per collection in a backup, to show what it holds.</summary>
public sealed record BackupContents(IReadOnlyDictionary<string, int> Documents)
{
    /// <summary>"tickets 12, staff 2, …".</summary>
    public override string ToString() => string.Join(", ", Documents.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key} {d.Value}"));
}

/// <summary>A consistent copy of a LiteDB 5 store while it is in use.</summary>
public static class LiteDbBackup
{
    /// <summary>
    /// Copies the live store <paramref name="database"/> (whose data file is <paramref name="dataFile"/>) to
    /// <paramref name="target"/>, then checks the copy. LiteDB writes committed changes to its log file and moves them
    /// into the data file only at a checkpoint, under its exclusive lock. So: a checkpoint first (the data file then
    /// holds everything committed), then an open transaction on this thread for the length of the copy; while any
    /// transaction is open LiteDB cannot take its exclusive lock, its automatic checkpoints are skipped, and writes go on
    /// into the log without touching the data file. Must run on a thread that holds no LiteDB transaction.
    /// </summary>
    public static BackupContents Take(ILiteDatabase database, string dataFile, string target)
    {
        var partial = target + ".partial";
        try
        {
            database.Checkpoint();
            if (!database.BeginTrans()) throw new InvalidOperationException("a LiteDB transaction is already open on this thread");
            try
            {
                using var source = new FileStream(dataFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
                using var copy = OwnerOnly.Create(partial);
                source.CopyTo(copy, 1 << 20);
                copy.Flush(flushToDisk: true);
            }
            finally
            {
                database.Rollback();
            }
            var contents = Verify(partial);
            File.Move(partial, target);
            return contents;
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>
    /// Checks a copy of a store: every page (<see cref="DataFileCheck"/>), then LiteDB opens it read-only and counts
    /// every collection. Throws <see cref="InvalidDataException"/> when the copy is not sound.
    /// </summary>
    public static BackupContents Verify(string file)
    {
        var state = DataFileCheck.Inspect(file);
        var (start, reason) = StoreStartPolicy.Decide(state, createdBefore: true);
        if (start != StoreStart.Open) throw new InvalidDataException($"{file} {reason}");
        try
        {
            using var copy = new LiteDatabase(new ConnectionString { Filename = file, ReadOnly = true, Connection = ConnectionType.Direct });
            return new BackupContents(copy.GetCollectionNames().ToDictionary(n => n, n => copy.GetCollection(n).Count()));
        }
        catch (Exception e) when (e is not OutOfMemoryException and not InvalidDataException)
        {
            // LiteDB reports a damaged file with whatever exception the bad bytes lead to.
            throw new InvalidDataException($"{file} cannot be read by LiteDB: {e.Message}", e);
        }
    }
}
