namespace SmbBot.Core.KnowledgeEditing;

/// <summary>What every version store checks before it imports a version from another store.</summary>
public static class KnowledgeVersionImport
{
    /// <summary>Throws <see cref="ArgumentException"/> naming what is wrong with <paramref name="version"/> and its files.</summary>
    public static void Ensure(KnowledgeVersion version, IReadOnlyDictionary<string, byte[]> files)
    {
        if (version.Number < 1) throw new ArgumentException($"knowledge version {version.Number}: a version's number starts at 1", nameof(version));
        KnowledgeFolder.EnsureVersionedPaths(files);
        var fingerprint = KnowledgeFolder.Fingerprint(files);
        if (fingerprint != version.Fingerprint)
            throw new ArgumentException($"knowledge version {version.Number}: its files' fingerprint is {fingerprint}, not {version.Fingerprint}", nameof(files));
    }
}
