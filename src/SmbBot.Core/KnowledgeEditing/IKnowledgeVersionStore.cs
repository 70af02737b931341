namespace SmbBot.Core.KnowledgeEditing;

/// <summary>A published version: its number, who published it, when (UTC), what changed, and its files' fingerprint.</summary>
public sealed record KnowledgeVersion(int Number, string By, DateTime At, string Summary, string Fingerprint);

/// <summary>
/// Every published version of the knowledge files (<see cref="KnowledgeFolder.Files"/>: the FAQ, the intents, the
/// golden questions and the replies in other languages), numbered 1, 2, 3, ... in the order they were published. Files are given and read back as
/// relative paths ('/'-separated) to their bytes.
/// </summary>
public interface IKnowledgeVersionStore
{
    /// <summary>True when several hosts share these versions (each follows the newest); false for one host's own folder.</summary>
    bool Shared { get; }

    /// <summary>The versions, newest first.</summary>
    IReadOnlyList<KnowledgeVersion> List();

    /// <summary>Version <paramref name="number"/>, if kept.</summary>
    KnowledgeVersion? Get(int number);

    /// <summary>The newest version (the one published last), if any.</summary>
    KnowledgeVersion? Newest();

    /// <summary>Keeps <paramref name="files"/> as the next version: two publishes at once (on one host or two) get two numbers.</summary>
    KnowledgeVersion Add(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at);

    /// <summary>
    /// Keeps files changed on disk as the next version unless the newest version holds exactly these files already
    /// (hosts sharing one knowledge folder all see one change: the first records it, the others get that version
    /// back with <c>Added</c> false).
    /// </summary>
    (KnowledgeVersion Version, bool Added) AddChanged(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at);

    /// <summary>
    /// Keeps <paramref name="files"/> as version 1 when there is no version yet, and returns the newest version either
    /// way: of hosts starting at once on an empty store, one records its files, the others get that version.
    /// </summary>
    KnowledgeVersion AddFirst(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at);

    /// <summary>The files of version <paramref name="number"/>, or null if there is no such version.</summary>
    IReadOnlyDictionary<string, byte[]>? Files(int number);

    /// <summary>
    /// Keeps <paramref name="version"/> with its own number, author, time and summary (moving versions from one store
    /// to another); refuses a number already kept and files whose fingerprint is not the version's.
    /// </summary>
    void Import(KnowledgeVersion version, IReadOnlyDictionary<string, byte[]> files);
}
