using Microsoft.SemanticKernel.Data;
using SmbBot.Core;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Understanding;

/// <summary>
/// The loaded knowledge, classifier and FAQ index, and the one path every customer message takes through them:
/// embed once, classify, retrieve, decide.
/// </summary>
public sealed class BotRuntime(EmbeddingCache embeddings) : ITurnUnderstanding
{
    private volatile Loaded? _loaded;

    /// <inheritdoc/>
    public bool IsReady => _loaded is not null;

    /// <summary>The knowledge in use (null until started).</summary>
    public KnowledgeBase? Knowledge => _loaded?.Knowledge;

    /// <summary>The FAQ as a Semantic Kernel text search (null until started).</summary>
    public ITextSearch<FaqPhrasingRecord>? TextSearch => _loaded?.TextSearch;

    /// <summary>The routing thresholds in use and where each comes from (empty until started).</summary>
    public IReadOnlyList<ThresholdInUse> Thresholds => _loaded?.Thresholds ?? [];

    /// <summary>Makes the runtime ready with what the start-up loaded and the resolved routing thresholds.</summary>
    public void Activate(KnowledgeBase knowledge, FaqRetriever retriever, IntentClassifier classifier,
        ITextSearch<FaqPhrasingRecord> textSearch, RoutingOptions routing, IReadOnlyList<ThresholdInUse> thresholds) =>
        _loaded = new Loaded(knowledge, retriever, classifier, textSearch, ExactIntents(knowledge), routing, thresholds);

    /// <inheritdoc/>
    public TurnDecision Understand(string text)
    {
        var loaded = _loaded ?? throw new InvalidOperationException("the bot is still starting");
        // A message that is exactly one of the training examples ("hi", "thanks", "talk to a person") or FAQ questions
        // (a tapped suggestion) needs no model: those are the cheapest turns.
        var exactFaq = loaded.Retriever.FindExact(text);
        if (exactFaq is not null)
            return TurnPolicy.Decide(new IntentPrediction(Intents.Faq, 1f), [exactFaq], loaded.Routing);
        if (loaded.ExactIntents.TryGetValue(TextNormalizer.Key(text), out var known))
            return TurnPolicy.Decide(new IntentPrediction(known, 1f), [], loaded.Routing);
        var vector = embeddings.Embed(text);
        var (intent, _) = loaded.Classifier.Predict(text, vector);
        var candidates = loaded.Retriever.Find(text, vector);
        return TurnPolicy.Decide(intent, candidates, loaded.Routing);
    }

    /// <summary>Training examples of the non-FAQ intents whose text belongs to one intent only.</summary>
    private static Dictionary<string, string> ExactIntents(KnowledgeBase knowledge) => knowledge.Intents
        .Where(e => e.Intent != Intents.Faq)
        .GroupBy(e => TextNormalizer.Key(e.Text))
        .Where(g => g.Key.Length > 0 && g.Select(e => e.Intent).Distinct().Count() == 1)
        .ToDictionary(g => g.Key, g => g.First().Intent);

    private sealed record Loaded(KnowledgeBase Knowledge, FaqRetriever Retriever, IntentClassifier Classifier,
        ITextSearch<FaqPhrasingRecord> TextSearch, Dictionary<string, string> ExactIntents, RoutingOptions Routing,
        IReadOnlyList<ThresholdInUse> Thresholds);
}
