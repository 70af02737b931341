namespace SmbBot.Core.Storage;

/// <summary>
/// Files and folders only the account running SmbBot can read (0600 and 0700 on Linux and macOS): the store holds
/// customers' conversations and the staff's password hashes.
/// </summary>
public static class OwnerOnly
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and any missing parents, each 0700; existing folders keep their mode.</summary>
    public static void CreateFolder(string path)
    {
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only.
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } parent) CreateFolder(parent);
        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Opens a new file for writing, created as 0600 (replacing any file there).</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = System.IO.FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileMode;
        return new FileStream(path, options);
    }

    /// <summary>Writes <paramref name="text"/> to a new 0600 file.</summary>
    public static void WriteAllText(string path, string text)
    {
        using var stream = Create(path);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>Takes group and other access away from an existing file SmbBot owns.</summary>
    public static void Restrict(string path)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(path)) return;
        if ((File.GetUnixFileMode(path) & ~FolderMode) != 0) File.SetUnixFileMode(path, FileMode);
    }
}
