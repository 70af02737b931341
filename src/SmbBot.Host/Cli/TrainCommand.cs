using System.Diagnostics;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Host.Cli;

/// <summary><c>train</c>: reads the knowledge, updates the FAQ index, cross-validates and trains the classifier, saves it.</summary>
public static class TrainCommand
{
    /// <summary>Runs the verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        void Progress(string step) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {step}");

        var paths = SmbBotPaths.From(configuration);
        var routing = RoutingSettings.Read(configuration);
        Progress($"reading knowledge from {paths.Knowledge}");
        var knowledge = KnowledgeBase.Load(paths.Knowledge);
        Progress($"{knowledge.Faq.Count} FAQ entries, {knowledge.Intents.Count} intent examples, {knowledge.Customers.Count} CRM customers");

        using var db = RuntimeServiceCollectionExtensions.OpenDatabase(paths);
        using var embeddings = new MiniLmEmbeddingGenerator();
        var index = new LiteDbFaqCollection(db, RuntimeServiceCollectionExtensions.FaqCollectionName, embeddings);
        var report = await FaqIndexer.SyncAsync(index, knowledge.Faq, embeddings);
        Progress($"FAQ index: {report.Phrasings} phrasings ({report.Embedded} embedded now, {report.Reused} reused, {report.Removed} removed)");

        var samples = await IntentTraining.SamplesAsync(knowledge, index, embeddings, Progress);
        var model = IntentTraining.TrainAndSave(knowledge, samples, paths.Models, Progress);
        var cv = CrossValidationReport.From(model.HeldOut.Select(h => h.Prediction).ToArray(), IntentTraining.Folds);
        var classifier = model.Classifier;
        var retriever = new FaqRetriever(index, knowledge.Faq, new RetrievalWeights(routing.KeywordWeight, routing.AnswerWeight));
        Progress("choosing the routing thresholds from the held-out predictions");
        var (calibration, resolved, turns) = RoutingCalibrationStartup.Calibrate(knowledge, model.HeldOut, retriever, routing);

        output.WriteLine();
        output.WriteLine($"Intent classifier ({classifier.Labels.Count} intents: {string.Join(", ", classifier.Labels)})");
        output.WriteLine($"  examples            {samples.Count}");
        output.WriteLine($"  {cv.Folds}-fold accuracy     {cv.MicroAccuracy:P1} (micro), {cv.MacroAccuracy:P1} (macro)");
        output.WriteLine($"  log-loss            {cv.LogLoss:0.000}");
        output.WriteLine($"  model               {IntentTraining.ModelPath(paths.Models, knowledge)}");
        output.WriteLine();
        output.WriteLine($"Routing thresholds ({turns.Count} held-out examples)");
        foreach (var t in calibration.InUse(routing, resolved))
            output.WriteLine($"  {t.Setting,-19} {t.Value:0.00}  target {t.TargetPrecision:P0} right; {t.Source}");
        output.WriteLine();
        output.WriteLine("What each threshold trades off on the held-out examples: share of the decisions taken that are right /");
        output.WriteLine("share of the right ones still taken. Higher thresholds are right more often and act less often.");
        output.WriteLine("  threshold  small talk/off  handover         answer           suggestion");
        var curves = new[]
        {
            RoutingCalibrator.IntentOutcomes(turns), RoutingCalibrator.HandoverOutcomes(turns),
            RoutingCalibrator.AnswerOutcomes(turns, resolved), RoutingCalibrator.SuggestionOutcomes(turns, resolved),
        };
        for (int step = 2; step <= 9; step++)
        {
            var cells = curves.Select(c => ConfidenceCalibration.At(c, step / 10.0)).Select(p => $"{p.Precision,6:P0} / {p.Coverage,-6:P0}");
            output.WriteLine($"  {step / 10.0,9:0.0}  {string.Join("  ", cells)}");
        }
        output.WriteLine($"  took                {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
