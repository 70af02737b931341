namespace SmbBot.Core.KnowledgeFiles;

/// <summary>
/// Where the unanswered inbox writes what the owner turns into FAQ: today the knowledge folder's own files, which the
/// bot learns at its next start (or <c>train</c>); later the FAQ editor's draft, published from there.
/// </summary>
public interface IFaqDraftWriter
{
    /// <summary>Adds <paramref name="phrasings"/> as alternates of entry <paramref name="faqId"/>; returns where they were written.</summary>
    /// <exception cref="KnowledgeFileException">No such entry, or its file cannot take them; nothing was written.</exception>
    string AddAlternates(string faqId, IReadOnlyList<string> phrasings);

    /// <summary>Adds a new entry; returns where it was written.</summary>
    /// <exception cref="KnowledgeFileException">The entry is not usable (see <see cref="Faq.FaqRules"/>); nothing was written.</exception>
    string AddEntry(Faq.FaqEntry entry);
}
