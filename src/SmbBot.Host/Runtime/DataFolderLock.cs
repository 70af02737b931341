using SmbBot.Core.Storage;

namespace SmbBot.Host.Runtime;

/// <summary>
/// An exclusive lock on the data folder for the life of the process. LiteDB does not stop a second process from
/// opening the same file on Linux, and two writers would damage it; a second SmbBot on the same folder stops instead.
/// </summary>
public sealed class DataFolderLock : IDisposable
{
    /// <summary>The lock file's name in the data folder.</summary>
    public const string FileName = "smbbot.lock";

    private readonly FileStream _file;

    private DataFolderLock(FileStream file) => _file = file;

    /// <summary>
    /// Creates the data folder (0700) if needed and takes the lock, or throws <see cref="DataStoreException"/>: when
    /// another process holds it, or when this account cannot write in the folder.
    /// </summary>
    public static DataFolderLock Acquire(string dataFolder) =>
        TryAcquire(dataFolder) ?? throw new DataStoreException(
            $"the data folder {dataFolder} is in use by another SmbBot process ({Path.Combine(dataFolder, FileName)} is locked); " +
            "stop that one first, or give this one its own Storage:DataPath");

    /// <summary>
    /// As <see cref="Acquire"/>, but null when another process (a running host) holds the lock. A lock that cannot be
    /// taken in a folder where this account cannot create files is a permission problem, not another process's lock.
    /// </summary>
    public static DataFolderLock? TryAcquire(string dataFolder)
    {
        try
        {
            OwnerOnly.CreateFolder(dataFolder);
            var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            return new DataFolderLock(new FileStream(Path.Combine(dataFolder, FileName), options));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataStoreException(DataStoreProblem.FolderNotWritable(dataFolder, e), e);
        }
        catch (IOException e)
        {
            if (DataStoreProblem.CannotCreateFilesIn(dataFolder) is { } cannot)
                throw new DataStoreException(DataStoreProblem.FolderNotWritable(dataFolder, cannot), e);
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
