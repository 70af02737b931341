using System.Globalization;
using System.Text.Json;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>
/// The versions of one host (on LiteDB), each a copy in <c>data/knowledge-versions/&lt;n&gt;/</c> with its
/// <c>version.json</c>, written last: a folder without it is an interrupted copy and is ignored.
/// </summary>
public sealed class FileKnowledgeVersionStore(SmbBotPaths paths) : IKnowledgeVersionStore
{
    private const string InfoFile = "version.json";
    private readonly Lock _lock = new();

    /// <summary>The folder of all versions.</summary>
    public string Folder => Path.Combine(paths.Data, "knowledge-versions");

    /// <inheritdoc/>
    public bool Shared => false;

    private string PathOf(int number) => Path.Combine(Folder, number.ToString(CultureInfo.InvariantCulture));

    /// <inheritdoc/>
    public IReadOnlyList<KnowledgeVersion> List()
    {
        if (!Directory.Exists(Folder)) return [];
        return Directory.EnumerateDirectories(Folder)
            .Select(d => Path.Combine(d, InfoFile))
            .Where(File.Exists)
            .Select(f => JsonSerializer.Deserialize<KnowledgeVersion>(File.ReadAllText(f)))
            .OfType<KnowledgeVersion>()
            .OrderByDescending(v => v.Number)
            .ToArray();
    }

    /// <inheritdoc/>
    public KnowledgeVersion? Get(int number) => List().FirstOrDefault(v => v.Number == number);

    /// <inheritdoc/>
    public KnowledgeVersion? Newest() => List().FirstOrDefault();

    /// <inheritdoc/>
    public KnowledgeVersion Add(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at)
    {
        lock (_lock)
        {
            var number = Directory.Exists(Folder)
                ? Directory.EnumerateDirectories(Folder).Select(d => int.TryParse(Path.GetFileName(d), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1
                : 1;
            var version = new KnowledgeVersion(number, by, at, summary, KnowledgeFolder.Fingerprint(files));
            Keep(version, files);
            return version;
        }
    }

    /// <inheritdoc/>
    public (KnowledgeVersion Version, bool Added) AddChanged(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at)
    {
        lock (_lock)
            return Newest() is { } newest && newest.Fingerprint == KnowledgeFolder.Fingerprint(files) ? (newest, false) : (Add(files, by, summary, at), true);
    }

    /// <inheritdoc/>
    public KnowledgeVersion AddFirst(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at)
    {
        lock (_lock) return Newest() ?? Add(files, by, summary, at);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, byte[]>? Files(int number) => Get(number) is null ? null : KnowledgeFolder.Read(PathOf(number));

    /// <inheritdoc/>
    public void Import(KnowledgeVersion version, IReadOnlyDictionary<string, byte[]> files)
    {
        KnowledgeVersionImport.Ensure(version, files);
        lock (_lock)
        {
            if (Get(version.Number) is not null) throw new InvalidOperationException($"there is already a knowledge version {version.Number}");
            Keep(version, files);
        }
    }

    private void Keep(KnowledgeVersion version, IReadOnlyDictionary<string, byte[]> files)
    {
        var target = PathOf(version.Number);
        Directory.CreateDirectory(target);
        KnowledgeFolder.Write(files, target);
        AtomicFile.WriteAllText(Path.Combine(target, InfoFile), JsonSerializer.Serialize(version));
    }
}
