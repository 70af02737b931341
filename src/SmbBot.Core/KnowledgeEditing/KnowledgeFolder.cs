using System.Security.Cryptography;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.KnowledgeEditing;

/// <summary>
/// The files of a knowledge folder the editor reads, writes and versions: <c>faq/*</c>, <c>intents/*.txt</c> and
/// <c>golden.csv</c>. The CRM export (<c>crm/</c>) holds customers' data and is neither copied nor versioned.
/// </summary>
public static class KnowledgeFolder
{
    /// <summary>The versioned files under <paramref name="root"/>, as paths relative to it with '/' separators, in order.</summary>
    public static IReadOnlyList<string> Files(string root)
    {
        IEnumerable<string> In(string folder, string pattern) =>
            Directory.Exists(Path.Combine(root, folder)) ? Directory.EnumerateFiles(Path.Combine(root, folder), pattern) : [];
        // A Q&A export the editor replaced (see FaqFileWriter) stays beside its replacement.
        var files = KnowledgeBase.FaqPatterns.Append("*.replaced").SelectMany(p => In("faq", p)).Concat(In("intents", "*.txt"));
        if (File.Exists(Path.Combine(root, GoldenQuestions.FileName))) files = files.Append(Path.Combine(root, GoldenQuestions.FileName));
        return files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>A hash of the versioned files' names and bytes: equal exactly when the folders hold the same knowledge.</summary>
    public static string Fingerprint(string root)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in Files(root))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(file + "\n"));
            sha.AppendData(File.ReadAllBytes(Path.Combine(root, file)));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    /// <summary>
    /// Makes the versioned files of <paramref name="target"/> those of <paramref name="source"/>: each file replaced
    /// atomically, and versioned files that <paramref name="source"/> lacks removed (after the others are written).
    /// </summary>
    public static void Mirror(string source, string target)
    {
        var wanted = Files(source);
        foreach (var file in wanted)
        {
            var to = Path.Combine(target, file);
            var from = Path.Combine(source, file);
            if (File.Exists(to) && File.ReadAllBytes(to).AsSpan().SequenceEqual(File.ReadAllBytes(from))) continue;
            AtomicFile.Copy(from, to);
        }
        foreach (var stale in Files(target).Except(wanted)) File.Delete(Path.Combine(target, stale));
    }
}
