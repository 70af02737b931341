using SmbBot.Core;
using SmbBot.Core.Knowledge;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Replays the knowledge's own examples as held-out customer messages (<see cref="HeldOutTurn"/>) and chooses the
/// routing thresholds from them. Used at start and by the <c>train</c> verb.
/// </summary>
public static class RoutingCalibrationStartup
{
    /// <summary>Calibrates the thresholds not set in <paramref name="options"/>.</summary>
    public static async Task<(RoutingCalibration Calibration, RoutingOptions Resolved, IReadOnlyList<HeldOutTurn> Turns)> CalibrateAsync(
        KnowledgeBase knowledge, IReadOnlyList<HeldOutPrediction> heldOut, FaqRetriever retriever, LiteDbFaqCollection index,
        MiniLmEmbeddingGenerator embeddings, RoutingOptions options, CancellationToken cancellationToken = default)
    {
        var turns = await TurnsAsync(knowledge, heldOut, retriever, index, embeddings, cancellationToken);
        var (calibration, resolved) = RoutingCalibrator.Calibrate(turns, options);
        return (calibration, resolved, turns);
    }

    /// <summary>
    /// Each held-out prediction as a turn: FAQ phrasings are looked up with themselves left out of the index, every
    /// other example as it is. FAQ phrasings reuse the vectors in the index; the other examples are embedded.
    /// </summary>
    public static async Task<IReadOnlyList<HeldOutTurn>> TurnsAsync(KnowledgeBase knowledge, IReadOnlyList<HeldOutPrediction> heldOut,
        FaqRetriever retriever, LiteDbFaqCollection index, MiniLmEmbeddingGenerator embeddings, CancellationToken cancellationToken = default)
    {
        var entryOf = knowledge.Faq
            .SelectMany(e => e.Phrasings.Select(p => (Key: TextNormalizer.Key(p), e.Id)))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Id).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Id);
        var stored = new Dictionary<string, float[]>();
        await foreach (var r in index.GetAsync(r => r.Kind == FaqPhrasingRecord.Question, int.MaxValue, new() { IncludeVectors = true }, cancellationToken))
            stored.TryAdd(TextNormalizer.Key(r.Text), r.Vector.ToArray());

        var toEmbed = heldOut.Select(p => p.Text).Where(t => !stored.ContainsKey(TextNormalizer.Key(t))).Distinct().ToArray();
        var vectors = new Dictionary<string, float[]>(stored);
        foreach (var batch in toEmbed.Chunk(32))
        {
            var embedded = embeddings.Embed(batch, cancellationToken);
            for (int i = 0; i < batch.Length; i++) vectors.TryAdd(TextNormalizer.Key(batch[i]), embedded[i]);
        }

        return heldOut.Select(p =>
        {
            var key = TextNormalizer.Key(p.Text);
            var vector = vectors[key];
            var faqId = p.Label == Intents.Faq ? entryOf.GetValueOrDefault(key) : null;
            var candidates = faqId is null ? retriever.Find(p.Text, vector) : retriever.FindLeavingOut(faqId, p.Text, vector);
            return new HeldOutTurn(p.Text, p.Label, faqId, p.Predicted, candidates);
        }).ToArray();
    }
}
