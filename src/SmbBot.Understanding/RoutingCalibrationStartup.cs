using SmbBot.Core;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Retrieval;

namespace SmbBot.Understanding;

/// <summary>
/// Replays the knowledge's own examples as held-out customer messages (<see cref="HeldOutTurn"/>) and chooses the
/// routing thresholds from them. Used at start and by the <c>train</c> verb.
/// </summary>
public static class RoutingCalibrationStartup
{
    /// <summary>Calibrates the thresholds not set in <paramref name="options"/>.</summary>
    public static (RoutingCalibration Calibration, RoutingOptions Resolved, IReadOnlyList<HeldOutTurn> Turns) Calibrate(
        KnowledgeBase knowledge, IReadOnlyList<HeldOutExample> heldOut, FaqRetriever retriever, RoutingOptions options)
    {
        var turns = Turns(knowledge, heldOut, retriever);
        var (calibration, resolved) = RoutingCalibrator.Calibrate(turns, options);
        return (calibration, resolved, turns);
    }

    /// <summary>
    /// Each held-out prediction as a turn: an FAQ phrasing is looked up with itself left out of the index, every
    /// other example as it is.
    /// </summary>
    public static IReadOnlyList<HeldOutTurn> Turns(KnowledgeBase knowledge, IReadOnlyList<HeldOutExample> heldOut, FaqRetriever retriever)
    {
        var entryOf = knowledge.Faq
            .SelectMany(e => e.Phrasings.Select(p => (Key: TextNormalizer.Key(p), e.Id)))
            .GroupBy(x => x.Key)
            .Where(g => g.Select(x => x.Id).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Id);
        return heldOut.Select(h =>
        {
            var p = h.Prediction;
            var faqId = p.Label == Intents.Faq ? entryOf.GetValueOrDefault(TextNormalizer.Key(p.Text)) : null;
            var candidates = faqId is null ? retriever.Find(p.Text, h.Vector) : retriever.FindLeavingOut(faqId, p.Text, h.Vector);
            return new HeldOutTurn(p.Text, p.Label, faqId, p.Predicted, candidates);
        }).ToArray();
    }
}
