using System.Diagnostics;
using SmbBot.Core.Knowledge;
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
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output, int folds = 5)
    {
        var clock = Stopwatch.StartNew();
        void Progress(string step) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {step}");

        var paths = SmbBotPaths.From(configuration);
        Progress($"reading knowledge from {paths.Knowledge}");
        var knowledge = KnowledgeBase.Load(paths.Knowledge);
        Progress($"{knowledge.Faq.Count} FAQ entries, {knowledge.Intents.Count} intent examples, {knowledge.Customers.Count} CRM customers");

        using var db = RuntimeServiceCollectionExtensions.OpenDatabase(paths);
        using var embeddings = new MiniLmEmbeddingGenerator();
        var index = new LiteDbFaqCollection(db, RuntimeServiceCollectionExtensions.FaqCollectionName, embeddings);
        var report = await FaqIndexer.SyncAsync(index, knowledge.Faq, embeddings);
        Progress($"FAQ index: {report.Phrasings} phrasings ({report.Embedded} embedded now, {report.Reused} reused, {report.Removed} removed)");

        var samples = await IntentTraining.SamplesAsync(knowledge, index, embeddings, Progress);
        var cv = IntentClassifier.CrossValidate(samples, folds, Progress);
        Progress("training the final model on all examples");
        var classifier = IntentTraining.TrainAndSave(knowledge, samples, paths.Models);

        output.WriteLine();
        output.WriteLine($"Intent classifier ({classifier.Labels.Count} intents: {string.Join(", ", classifier.Labels)})");
        output.WriteLine($"  examples            {samples.Count}");
        output.WriteLine($"  {cv.Folds}-fold accuracy     {cv.MicroAccuracy:P1} (micro), {cv.MacroAccuracy:P1} (macro)");
        output.WriteLine($"  log-loss            {cv.LogLoss:0.000}");
        output.WriteLine($"  model               {IntentTraining.ModelPath(paths.Models, knowledge)}");
        output.WriteLine($"  took                {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
