using System.Text.Json;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>A published version: its number, who published it, when (UTC), what changed, and its files' fingerprint.</summary>
public sealed record KnowledgeVersion(int Number, string By, DateTime At, string Summary, string Fingerprint);

/// <summary>
/// Every published version of the knowledge files, each a copy in <c>data/knowledge-versions/&lt;n&gt;/</c> with its
/// <c>version.json</c>, written last: a folder without it is an interrupted copy and is ignored.
/// </summary>
public sealed class KnowledgeVersions(SmbBotPaths paths)
{
    private const string InfoFile = "version.json";
    private readonly Lock _lock = new();

    /// <summary>The folder of all versions.</summary>
    public string Folder => Path.Combine(paths.Data, "knowledge-versions");

    /// <summary>The files of version <paramref name="number"/>.</summary>
    public string PathOf(int number) => Path.Combine(Folder, number.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The versions, newest first.</summary>
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

    /// <summary>Version <paramref name="number"/>, if kept.</summary>
    public KnowledgeVersion? Get(int number) => List().FirstOrDefault(v => v.Number == number);

    /// <summary>Keeps a copy of the files of <paramref name="folder"/> as the next version.</summary>
    public KnowledgeVersion Add(string folder, string by, string summary, DateTime at)
    {
        lock (_lock)
        {
            var number = Directory.Exists(Folder)
                ? Directory.EnumerateDirectories(Folder).Select(d => int.TryParse(Path.GetFileName(d), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1
                : 1;
            var target = PathOf(number);
            Directory.CreateDirectory(target);
            KnowledgeFolder.Mirror(folder, target);
            var version = new KnowledgeVersion(number, by, at, summary, KnowledgeFolder.Fingerprint(target));
            AtomicFile.WriteAllText(Path.Combine(target, InfoFile), JsonSerializer.Serialize(version));
            return version;
        }
    }
}
