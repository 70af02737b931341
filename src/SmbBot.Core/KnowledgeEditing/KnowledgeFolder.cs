using System.Security.Cryptography;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;

namespace SmbBot.Core.KnowledgeEditing;

/// <summary>
/// The files of a knowledge folder the editor reads, writes and versions: <c>faq/*</c>, <c>intents/*.txt</c>,
/// <c>golden.csv</c> and <c>languages.json</c>. The CRM export (<c>crm/</c>) holds customers' data and is neither copied nor versioned.
/// </summary>
public static class KnowledgeFolder
{
    /// <summary>The versioned files at the top of the folder.</summary>
    private static readonly string[] SingleFiles = [GoldenQuestions.FileName, LanguageTexts.FileName];

    /// <summary>The versioned files under <paramref name="root"/>, as paths relative to it with '/' separators, in order.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        IEnumerable<string> In(string folder, string pattern) =>
            Directory.Exists(Path.Combine(root, folder)) ? Directory.EnumerateFiles(Path.Combine(root, folder), pattern) : [];
        // A Q&A export the editor replaced (see FaqFileWriter) stays beside its replacement.
        var files = KnowledgeBase.FaqPatterns.Append("*.replaced").SelectMany(p => In("faq", p)).Concat(In("intents", "*.txt"));
        foreach (var single in SingleFiles.Where(f => File.Exists(Path.Combine(root, f)))) files = files.Append(Path.Combine(root, single));
        return files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A hash of the versioned files' names and bytes: equal exactly when the folders hold the same knowledge.</summary>
    public static string Fingerprint(string root) => Fingerprint(Read(root));

    /// <summary>The fingerprint of <paramref name="files"/>, as <see cref="Fingerprint(string)"/> of a folder holding them.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, byte[]> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (file, bytes) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(bytes);
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>The versioned files under <paramref name="root"/> and their bytes, by relative path.</summary>
    public static IReadOnlyDictionary<string, byte[]> Read(string root) =>
        Files(root).ToDictionary(f => f, f => File.ReadAllBytes(Path.Combine(root, f)), StringComparer.Ordinal);

    /// <summary>
    /// Whether <paramref name="path"/> can be a versioned file: relative, '/'-separated, under <c>faq/</c> or
    /// <c>intents/</c>, or the golden questions or the languages file, with no <c>..</c> (a stored version never writes outside the folder).
    /// </summary>
    public static bool IsVersionedPath(string path)
    {
        var parts = path.Split('/');
        if (parts.Any(p => p.Length == 0 || p is "." or ".." || p.Contains('\\') || p.Contains(':'))) return false;
        return (parts.Length == 2 && parts[0] is "faq" or "intents") || (parts.Length == 1 && SingleFiles.Contains(parts[0]));
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first of <paramref name="files"/> that is not <see cref="IsVersionedPath"/>.</summary>
    public static void EnsureVersionedPaths(IReadOnlyDictionary<string, byte[]> files)
    {
        if (files.Keys.FirstOrDefault(f => !IsVersionedPath(f)) is { } bad)
            throw new ArgumentException($"'{bad}' is not a knowledge file's path (faq/<name>, intents/<name>, {GoldenQuestions.FileName} or {LanguageTexts.FileName})", nameof(files));
    }

    /// <summary>
    /// Makes the versioned files of <paramref name="target"/> those of <paramref name="source"/>: each file replaced
    /// atomically, and versioned files that <paramref name="source"/> lacks removed (after the others are written).
    /// </summary>
    public static void Mirror(string source, string target) => Write(Read(source), target);

    /// <summary>
    /// Makes the versioned files of <paramref name="target"/> exactly <paramref name="files"/>: each changed file
    /// replaced atomically, then the versioned files not among them removed.
    /// </summary>
    public static void Write(IReadOnlyDictionary<string, byte[]> files, string target)
    {
        EnsureVersionedPaths(files);
        foreach (var (file, bytes) in files)
        {
            var to = Path.Combine(target, file);
            if (File.Exists(to) && File.ReadAllBytes(to).AsSpan().SequenceEqual(bytes)) continue;
            AtomicFile.WriteAllBytes(to, bytes);
        }
        foreach (var stale in Files(target).Except(files.Keys)) File.Delete(Path.Combine(target, stale));
    }
}
