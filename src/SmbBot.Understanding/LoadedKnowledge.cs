using Microsoft.SemanticKernel.Data;
using SmbBot.Core;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Understanding;

/// <summary>
/// One version of the knowledge, ready to answer: the FAQ with its index, the classifier and the routing thresholds.
/// Immutable, so the bot can switch from one to the next in a single assignment.
/// </summary>
public sealed class LoadedKnowledge
{
    private readonly Dictionary<string, string> _exactIntents;

    public LoadedKnowledge(KnowledgeBase knowledge, FaqPhrasingCollection index, FaqRetriever retriever, TrainedModel model,
        ITextSearch<FaqPhrasingRecord> textSearch, RoutingOptions routing, IReadOnlyList<ThresholdInUse> thresholds)
    {
        (Knowledge, Index, Retriever, Model, TextSearch, Routing, Thresholds) = (knowledge, index, retriever, model, textSearch, routing, thresholds);
        _exactIntents = ExactIntents(knowledge);
    }

    public KnowledgeBase Knowledge { get; }

    /// <summary>The FAQ phrasings with their vectors that <see cref="Retriever"/> searches.</summary>
    public FaqPhrasingCollection Index { get; }

    public FaqRetriever Retriever { get; }

    /// <summary>The classifier and its held-out predictions (reused by a publish that does not change what it learns from).</summary>
    public TrainedModel Model { get; }

    public ITextSearch<FaqPhrasingRecord> TextSearch { get; }

    /// <summary>The routing options with the thresholds chosen for this version.</summary>
    public RoutingOptions Routing { get; }

    public IReadOnlyList<ThresholdInUse> Thresholds { get; }

    /// <summary>What the bot does with <paramref name="text"/>: embed once, classify, retrieve, decide.</summary>
    public TurnDecision Understand(string text, EmbeddingCache embeddings)
    {
        // A message that is exactly one of the training examples ("hi", "thanks", "talk to a person") or FAQ questions
        // (a tapped suggestion) needs no model: those are the cheapest turns.
        var exactFaq = Retriever.FindExact(text);
        if (exactFaq is not null)
            return TurnPolicy.Decide(new IntentPrediction(Intents.Faq, 1f), [exactFaq], Routing);
        if (_exactIntents.TryGetValue(TextNormalizer.Key(text), out var known))
            return TurnPolicy.Decide(new IntentPrediction(known, 1f), [], Routing);
        var vector = embeddings.Embed(text);
        var (intent, _) = Model.Classifier.Predict(text, vector);
        var candidates = Retriever.Find(text, vector);
        // A security incident told like a question is urgent whatever the models made of it.
        return SecurityIncidents.Apply(TurnPolicy.Decide(intent, candidates, Routing), text);
    }

    /// <summary>Training examples of the non-FAQ intents whose text belongs to one intent only.</summary>
    private static Dictionary<string, string> ExactIntents(KnowledgeBase knowledge) => knowledge.Intents
        .Where(e => e.Intent != Intents.Faq)
        .GroupBy(e => TextNormalizer.Key(e.Text))
        .Where(g => g.Key.Length > 0 && g.Select(e => e.Intent).Distinct().Count() == 1)
        .ToDictionary(g => g.Key, g => g.First().Intent);
}
