using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;

namespace SmbBot.Understanding.Languages;

/// <summary>Reads the language of customers' messages and of the business's FAQ entries with one detector.</summary>
public sealed class MessageLanguages(LinguaLanguageDetector detector, LanguageOptions options)
{
    /// <summary>
    /// The language of <paramref name="text"/> in a conversation so far in <paramref name="conversationLanguage"/>, for a
    /// business whose FAQ and intent examples use <paramref name="vocabulary"/>.
    /// </summary>
    public MessageLanguage Of(string text, string conversationLanguage, IReadOnlySet<string>? vocabulary = null) =>
        LanguagePolicy.Decide(text, conversationLanguage, detector.Detect, options, vocabulary);

    /// <summary>Every word of the FAQ's questions, alternates and answers and of the intent examples.</summary>
    public static IReadOnlySet<string> VocabularyOf(KnowledgeBase knowledge) =>
        knowledge.Faq.SelectMany(e => e.Phrasings.Append(e.Answer)).Concat(knowledge.Intents.Select(e => e.Text))
            .SelectMany(EnglishWords.Words).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The language each FAQ entry is written in, by entry id, read from its question and alternates together: a
    /// business may answer some questions in its customers' language.
    /// </summary>
    public IReadOnlyDictionary<string, string> OfEntries(IEnumerable<FaqEntry> faq) =>
        faq.GroupBy(e => e.Id).ToDictionary(g => g.Key, g => Of(string.Join(". ", g.SelectMany(e => e.Phrasings)), LanguageCatalog.English).Code);
}
