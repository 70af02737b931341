namespace SmbBot.Core.KnowledgeEditing;

/// <summary>What a host does with the knowledge files in its folder.</summary>
public enum KnowledgeStep
{
    /// <summary>They are the newest version already: nothing to do.</summary>
    Keep,
    /// <summary>Record them as a new version (one host's own versions: the files are the truth).</summary>
    Record,
    /// <summary>Record them as version 1 unless another host got there first (a shared store with no version yet).</summary>
    RecordFirst,
    /// <summary>Replace them with the newest version, without recording anything (another host published it).</summary>
    Adopt,
}

/// <summary>Which version a host should run: pure decisions over the newest version and the fingerprints of the files.</summary>
public static class KnowledgeSync
{
    /// <summary>
    /// At start, with the files of <paramref name="folder"/> (fingerprint) activated. On a shared store a folder that
    /// holds an older version (<paramref name="folderIsRecorded"/>) missed other hosts' publishes and takes the newest;
    /// a folder that holds no recorded version was edited while the host was stopped, and that edit is a new version.
    /// </summary>
    public static KnowledgeStep AtStart(bool shared, KnowledgeVersion? newest, string folder, bool folderIsRecorded) => newest switch
    {
        null => shared ? KnowledgeStep.RecordFirst : KnowledgeStep.Record,
        _ when newest.Fingerprint == folder => KnowledgeStep.Keep,
        _ => shared && folderIsRecorded ? KnowledgeStep.Adopt : KnowledgeStep.Record,
    };

    /// <summary>
    /// When the files on disk (<paramref name="disk"/>) differ from those in use: on a shared store, files that are
    /// the newest version were written by a host following it (a folder shared by hosts) and are taken, not recorded again.
    /// </summary>
    public static KnowledgeStep OnDisk(bool shared, KnowledgeVersion? newest, string disk) =>
        shared && newest?.Fingerprint == disk ? KnowledgeStep.Adopt : KnowledgeStep.Record;

    /// <summary>After another host's notice (or a gap in the notices): take the newest version when its files are not those in use.</summary>
    public static KnowledgeStep OnNotice(KnowledgeVersion? newest, string live) =>
        newest is not null && newest.Fingerprint != live ? KnowledgeStep.Adopt : KnowledgeStep.Keep;
}
