namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>Paths in the repository, found from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root => SmbBot.UnitTests.RepoRoot.Path;

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>Copies a folder recursively.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    /// <summary>
    /// Removes a temp folder a test used. LiteDB's disk writer may still touch its log file for a moment after the
    /// database is disposed, so a folder that is not empty yet is tried again once and otherwise left.
    /// </summary>
    public static void DeleteFolder(string path)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try { Directory.Delete(path, recursive: true); return; }
            catch (IOException) { Thread.Sleep(200); }
        }
    }

    /// <summary>A new empty folder under the temp folder.</summary>
    public static string NewTempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "smbbot-it-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
