using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>
/// A kept version's files written to a folder of their own under <c>data/knowledge-checkouts/</c>, for the code that
/// reads knowledge from a folder (a rollback's build, the history's diff); removed when disposed.
/// </summary>
public sealed class KnowledgeCheckout : IDisposable
{
    private KnowledgeCheckout(string path) => Path = path;

    /// <summary>The folder holding the files.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="files"/> to a new folder under <paramref name="data"/>.</summary>
    public static KnowledgeCheckout Write(IReadOnlyDictionary<string, byte[]> files, string data)
    {
        var path = System.IO.Path.Combine(Root(data), Guid.NewGuid().ToString("N"));
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        KnowledgeFolder.Write(files, path);
        return new KnowledgeCheckout(path);
    }

    /// <summary>Removes the checkouts a process left when it stopped while using them (called at start, before any is made).</summary>
    public static void RemoveLeftovers(string data)
    {
        if (Directory.Exists(Root(data))) new KnowledgeCheckout(Root(data)).Dispose();
    }

    private static string Root(string data) => System.IO.Path.Combine(data, "knowledge-checkouts");

    /// <inheritdoc/>
    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
