namespace SmbBot.Host.Runtime;

/// <summary>
/// An exclusive lock on the data folder for the life of the process. LiteDB does not stop a second process from
/// opening the same file on Linux, and two writers would damage it; a second SmbBot on the same folder stops instead.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>Takes the lock, or throws <see cref="DataStoreException"/> when another process holds it.</summary>
    public static DataFolderLock Acquire(string dataFolder)
    {
        Directory.CreateDirectory(dataFolder);
        var path = Path.Combine(dataFolder, "smbbot.lock");
        try
        {
            return new DataFolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new DataStoreException(
                $"the data folder {dataFolder} is in use by another SmbBot process ({path} is locked); stop that one first, " +
                "or give this one its own Storage:DataPath", e);
        }
    }

    public void Dispose() => _file.Dispose();
}
