using LiteDB;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Understanding;

/// <summary>
/// Retrains on demand (the <c>train</c> verb): updates the FAQ index, cross-validates and trains the classifier, saves
/// it, and chooses the routing thresholds from the held-out predictions exactly as the start-up does.
/// </summary>
public static class Retraining
{
    /// <summary>Thresholds at which <see cref="RetrainingReport.TradeOffs"/> are read.</summary>
    public static readonly IReadOnlyList<double> TradeOffThresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

    /// <summary>Runs the retraining; <paramref name="progress"/> hears each step.</summary>
    public static async Task<RetrainingReport> RunAsync(KnowledgeBase knowledge, ILiteDatabase db, string modelsFolder,
        RoutingOptions routing, Action<string> progress)
    {
        using var embeddings = new MiniLmEmbeddingGenerator();
        var index = new LiteDbFaqCollection(db, UnderstandingServiceCollectionExtensions.FaqCollectionName, embeddings);
        var indexed = await FaqIndexer.SyncAsync(index, knowledge.Faq, embeddings);
        progress($"FAQ index: {indexed.Phrasings} phrasings ({indexed.Embedded} embedded now, {indexed.Reused} reused, {indexed.Removed} removed)");

        var samples = await IntentTraining.SamplesAsync(knowledge, index, embeddings, progress);
        var model = IntentTraining.TrainAndSave(knowledge, samples, modelsFolder, progress);
        var cv = CrossValidationReport.From(model.HeldOut.Select(h => h.Prediction).ToArray(), IntentTraining.Folds);
        var retriever = new FaqRetriever(index, knowledge.Faq, new RetrievalWeights(routing.KeywordWeight, routing.AnswerWeight));
        progress("choosing the routing thresholds from the held-out predictions");
        var (calibration, resolved, turns) = RoutingCalibrationStartup.Calibrate(knowledge, model.HeldOut, retriever, routing);

        var curves = new[]
        {
            RoutingCalibrator.IntentOutcomes(turns), RoutingCalibrator.HandoverOutcomes(turns),
            RoutingCalibrator.AnswerOutcomes(turns, resolved), RoutingCalibrator.SuggestionOutcomes(turns, resolved),
        };
        var tradeOffs = TradeOffThresholds
            .Select(t => new TradeOff(t, curves.Select(c => ConfidenceCalibration.At(c, t)).ToArray()))
            .ToArray();
        return new RetrainingReport(model.Classifier.Labels, samples.Count, cv, IntentTraining.ModelPath(modelsFolder, knowledge),
            turns, resolved, calibration.InUse(routing, resolved), tradeOffs);
    }
}

/// <summary>What <see cref="Retraining.RunAsync"/> did and chose.</summary>
/// <param name="Turns">Held-out examples the thresholds were chosen on, as the bot would have handled them.</param>
/// <param name="Resolved">The routing options with the thresholds chosen.</param>
/// <param name="TradeOffs">Per threshold, the precision and coverage of small talk/off-topic, handover, answer and suggestion decisions.</param>
public sealed record RetrainingReport(IReadOnlyList<string> Intents, int Examples, CrossValidationReport CrossValidation,
    string ModelPath, IReadOnlyList<HeldOutTurn> Turns, RoutingOptions Resolved, IReadOnlyList<ThresholdInUse> Thresholds, IReadOnlyList<TradeOff> TradeOffs);

/// <summary>The held-out decisions at one threshold, one point per kind of decision.</summary>
public sealed record TradeOff(double Threshold, IReadOnlyList<CalibratedThreshold> Points);
