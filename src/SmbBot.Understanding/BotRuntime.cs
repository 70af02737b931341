using Microsoft.SemanticKernel.Data;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Understanding.Languages;

namespace SmbBot.Understanding;

/// <summary>
/// The version of the knowledge the bot answers with, and the one path every customer message takes through it. A
/// publish builds the next version aside and switches to it with <see cref="Activate"/>: a turn uses the version it
/// started with, never half of two: its replies in another language included (<see cref="TurnDecision.LanguageReplies"/>).
/// Without <paramref name="languages"/> every message is taken as English (the English-only public benchmarks).
/// </summary>
public sealed class BotRuntime(EmbeddingCache embeddings, MessageLanguages? languages = null) : ITurnUnderstanding
{
    private sealed record Active(LoadedKnowledge Version, IReadOnlyDictionary<string, string> FaqLanguages, IReadOnlySet<string> Vocabulary);

    private volatile Active? _active;

    /// <inheritdoc/>
    public bool IsReady => _active is not null;

    /// <summary>The version in use (null until started).</summary>
    public LoadedKnowledge? Current => _active?.Version;

    /// <summary>The knowledge in use (null until started).</summary>
    public KnowledgeBase? Knowledge => Current?.Knowledge;

    /// <summary>The FAQ as a Semantic Kernel text search (null until started).</summary>
    public ITextSearch<FaqPhrasingRecord>? TextSearch => Current?.TextSearch;

    /// <summary>The routing thresholds in use and where each comes from (empty until started).</summary>
    public IReadOnlyList<ThresholdInUse> Thresholds => Current?.Thresholds ?? [];

    /// <summary>The embeddings of recent messages, shared by every version.</summary>
    public EmbeddingCache Embeddings => embeddings;

    /// <summary>Answers with <paramref name="version"/> from the next turn on.</summary>
    public void Activate(LoadedKnowledge version) =>
        _active = new Active(version, languages?.OfEntries(version.Knowledge.Faq) ?? new Dictionary<string, string>(),
            languages is null ? new HashSet<string>() : MessageLanguages.VocabularyOf(version.Knowledge));

    /// <inheritdoc/>
    public TurnDecision Understand(string text) => Understand(text, ConversationContext.None);

    /// <inheritdoc/>
    public TurnDecision Understand(string text, ConversationContext context)
    {
        var active = _active ?? throw new InvalidOperationException("the bot is still starting");
        var decision = active.Version.Understand(text, embeddings);
        var language = languages?.Of(text, context.Language, active.Vocabulary);
        // The FAQ matching is English-only: a follow-up in another language is handed over like any other message.
        if (language is null or { IsEnglish: true } && context.Topic is { } topic && FollowUpPolicy.DoesNotStandAlone(text, decision))
            decision = FollowUpPolicy.Choose(text, decision, active.Version.Understand($"{topic.Text} {text}", embeddings), topic);
        if (language is null) return decision;
        var applied = ForeignMessagePolicy.Apply(decision, language, id => active.FaqLanguages.GetValueOrDefault(id, LanguageCatalog.English), text);
        return applied.LanguageHandover ? applied with { LanguageReplies = active.Version.Knowledge.Languages.For(applied.Language) } : applied;
    }
}
