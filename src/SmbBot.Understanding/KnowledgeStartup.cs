using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Understanding;

/// <summary>
/// Runs before the server accepts requests: reads and checks the knowledge folder, brings the FAQ index up to date
/// and loads (or trains) the classifier. What a knowledge file holds that cannot be used is logged with the file, the
/// line and the reason, and left out; the start stops only when nothing usable is left.
/// </summary>
public sealed partial class KnowledgeStartup(UnderstandingPaths paths, KnowledgeBase knowledge, FaqPhrasingCollection index, MiniLmEmbeddingGenerator embeddings,
    BotRuntime runtime, IOptions<RoutingOptions> routing, ILogger<KnowledgeStartup> logger) : IHostedService
{
    /// <inheritdoc/>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        LogKnowledge(logger, paths.Knowledge, knowledge.Faq.Count, knowledge.Intents.Count, knowledge.Customers.Count);
        foreach (var problem in knowledge.Problems) LogLeftOut(logger, problem.ToString());

        var report = await FaqIndexer.SyncAsync(index, knowledge.Faq, embeddings, cancellationToken);
        LogIndex(logger, report.Phrasings, report.Embedded, report.Reused, report.Removed);

        var model = await IntentTraining.LoadOrTrainAsync(knowledge, index, embeddings, paths.Models,
            forceTraining: false, progress: null, cancellationToken);
        var weights = new RetrievalWeights(routing.Value.KeywordWeight, routing.Value.AnswerWeight);
        var retriever = new FaqRetriever(index, knowledge.Faq, weights);
        var calibrating = Stopwatch.StartNew();
        var (calibration, resolved, turns) = RoutingCalibrationStartup.Calibrate(knowledge, model.HeldOut, retriever, routing.Value);
        LogCalibrated(logger, turns.Count, calibrating.ElapsedMilliseconds);
        var thresholds = calibration.InUse(routing.Value, resolved);
        foreach (var t in thresholds) LogThreshold(logger, t.Setting, t.Value, t.TargetPrecision, t.Source);
        runtime.Activate(new LoadedKnowledge(knowledge, index, retriever, model, FaqTextSearch.Create(index, embeddings, knowledge.Faq), resolved, thresholds));
        LogReady(logger, model.Trained ? "trained" : "loaded", clock.ElapsedMilliseconds);
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge read from {Path}: {Faq} FAQ entries, {Examples} intent examples, {Customers} CRM customers")]
    private static partial void LogKnowledge(ILogger logger, string path, int faq, int examples, int customers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge left out: {Problem}")]
    private static partial void LogLeftOut(ILogger logger, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "FAQ index: {Phrasings} phrasings, {Embedded} embedded now, {Reused} reused, {Removed} removed")]
    private static partial void LogIndex(ILogger logger, int phrasings, int embedded, int reused, int removed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing thresholds chosen from {Turns} held-out examples in {Milliseconds} ms")]
    private static partial void LogCalibrated(ILogger logger, int turns, long milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing:{Name} = {Value:0.00} (target {Target:P0} right; {Source})")]
    private static partial void LogThreshold(ILogger logger, string name, double value, double target, string source);

    [LoggerMessage(Level = LogLevel.Information, Message = "Intent model {How}; ready after {Milliseconds} ms")]
    private static partial void LogReady(ILogger logger, string how, long milliseconds);
}
