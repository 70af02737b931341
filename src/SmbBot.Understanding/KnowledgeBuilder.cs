using System.Security.Cryptography;
using System.Text;
using LiteDB;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Understanding;

/// <summary>How a version was built and what it cost.</summary>
/// <param name="Embedded">Texts embedded now (new or changed); the rest reused their stored vectors.</param>
/// <param name="Retrained">False when the classifier of the version in use was reused: what it learns from did not change.</param>
public sealed record BuildReport(int Embedded, int Reused, bool Retrained, long IndexMilliseconds, long TrainMilliseconds, long CalibrateMilliseconds);

/// <summary>
/// Builds a version of the knowledge aside, without touching the one in use: the FAQ index in memory, seeded with the
/// vectors already embedded (only new or changed texts are embedded), the classifier retrained only when its training
/// set changed, and the thresholds calibrated for the new FAQ.
/// </summary>
public static class KnowledgeBuilder
{
    /// <summary>Builds <paramref name="knowledge"/>; <paramref name="current"/> (the version in use) lends its vectors and, if still valid, its classifier.</summary>
    /// <param name="allowRetraining">False for a preview: the classifier in use is kept even if the questions changed.</param>
    public static async Task<(LoadedKnowledge Version, BuildReport Report, IReadOnlyList<HeldOutTurn> Turns)> BuildAsync(KnowledgeBase knowledge,
        LoadedKnowledge? current, FaqPhrasingCollection? seed, MiniLmEmbeddingGenerator embeddings, RoutingOptions routing, Action<string> progress,
        bool allowRetraining = true, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var index = new LiteDbFaqCollection(new LiteDatabase(new MemoryStream()), UnderstandingServiceCollectionExtensions.FaqCollectionName, embeddings);
        foreach (var from in new[] { current?.Index, seed }.OfType<FaqPhrasingCollection>().Distinct())
        {
            var records = new List<FaqPhrasingRecord>();
            await foreach (var r in from.GetAsync(_ => true, int.MaxValue, new() { IncludeVectors = true }, cancellationToken)) records.Add(r);
            if (records.Count > 0) await index.UpsertAsync(records, cancellationToken);
        }
        progress("indexing the FAQ");
        var indexed = await FaqIndexer.SyncAsync(index, knowledge.Faq, embeddings, cancellationToken);
        var indexMs = clock.ElapsedMilliseconds;

        clock.Restart();
        TrainedModel model;
        bool retrained = current is null || (allowRetraining && TrainingSetKey(current.Knowledge) != TrainingSetKey(knowledge));
        if (retrained)
        {
            progress("training the intent classifier (the questions changed)");
            // The intent examples' vectors are kept with the held-out predictions of the version in use: reused, not embedded again.
            var known = current?.Model.HeldOut.GroupBy(h => h.Prediction.Text).ToDictionary(g => g.Key, g => g.First().Vector);
            var samples = await IntentTraining.SamplesAsync(knowledge, index, embeddings, null, known, cancellationToken);
            model = IntentTraining.Train(samples, progress);
        }
        else
        {
            model = current!.Model;
        }
        var trainMs = clock.ElapsedMilliseconds;

        clock.Restart();
        progress("choosing the routing thresholds");
        var retriever = new FaqRetriever(index, knowledge.Faq, new RetrievalWeights(routing.KeywordWeight, routing.AnswerWeight));
        var (calibration, resolved, turns) = RoutingCalibrationStartup.Calibrate(knowledge, model.HeldOut, retriever, routing);
        var version = new LoadedKnowledge(knowledge, index, retriever, model, FaqTextSearch.Create(index, embeddings, knowledge.Faq),
            resolved, calibration.InUse(routing, resolved));
        return (version, new BuildReport(indexed.Embedded, indexed.Reused, retrained, indexMs, trainMs, clock.ElapsedMilliseconds), turns);
    }

    /// <summary>
    /// What the classifier learns from: every FAQ phrasing (labelled <c>faq</c>) and every intent example. An answer,
    /// category or id edit leaves it unchanged, so the classifier in use stays valid.
    /// </summary>
    public static string TrainingSetKey(KnowledgeBase knowledge)
    {
        var lines = knowledge.Faq.SelectMany(e => e.Phrasings).Select(p => "faq\t" + p)
            .Concat(knowledge.Intents.Select(e => e.Intent + "\t" + e.Text))
            .Order(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];
    }

    /// <summary>Makes <paramref name="target"/> hold exactly the records of <paramref name="source"/> (no embedding).</summary>
    public static async Task CopyIndexAsync(FaqPhrasingCollection source, FaqPhrasingCollection target, CancellationToken cancellationToken = default)
    {
        var wanted = new List<FaqPhrasingRecord>();
        await foreach (var r in source.GetAsync(_ => true, int.MaxValue, new() { IncludeVectors = true }, cancellationToken)) wanted.Add(r);
        var have = new Dictionary<string, string>();
        await foreach (var r in target.GetAsync(_ => true, int.MaxValue, new() { IncludeVectors = false }, cancellationToken)) have[r.Key] = r.TextHash;
        var keys = wanted.Select(r => r.Key).ToHashSet();
        var stale = have.Keys.Where(k => !keys.Contains(k)).ToArray();
        if (stale.Length > 0) await target.DeleteAsync(stale, cancellationToken);
        var changed = wanted.Where(r => have.GetValueOrDefault(r.Key) != r.TextHash).ToArray();
        if (changed.Length > 0) await target.UpsertAsync(changed, cancellationToken);
    }
}
