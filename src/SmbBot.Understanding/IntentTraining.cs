using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Understanding;

/// <summary>Builds the classifier's training set and keeps one trained model per version of the knowledge.</summary>
public static class IntentTraining
{
    /// <summary>
    /// The intents' examples plus every FAQ phrasing labelled <c>faq</c>, so a new FAQ needs no new intent data.
    /// FAQ phrasings reuse the vectors already stored in the index.
    /// </summary>
    public static async Task<IReadOnlyList<IntentSample>> SamplesAsync(KnowledgeBase knowledge, FaqPhrasingCollection index,
        MiniLmEmbeddingGenerator embeddings, Action<string>? progress = null, CancellationToken cancellationToken = default) =>
        await SamplesAsync(knowledge, index, embeddings, progress, known: null, cancellationToken);

    /// <summary>As above; an intent example whose text is in <paramref name="known"/> takes that vector instead of being embedded.</summary>
    public static async Task<IReadOnlyList<IntentSample>> SamplesAsync(KnowledgeBase knowledge, FaqPhrasingCollection index,
        MiniLmEmbeddingGenerator embeddings, Action<string>? progress, IReadOnlyDictionary<string, float[]>? known, CancellationToken cancellationToken)
    {
        var samples = new List<IntentSample>();
        await foreach (var r in index.GetAsync(r => r.Kind == FaqPhrasingRecord.Question, int.MaxValue, new() { IncludeVectors = true }, cancellationToken))
            samples.Add(new IntentSample { Text = r.Text, Embedding = r.Vector.ToArray(), Label = Intents.Faq });
        var examples = knowledge.Intents.ToArray();
        var vectors = new Dictionary<string, float[]>();
        var missing = examples.Select(e => e.Text).Distinct().Where(t => known?.ContainsKey(t) != true).ToArray();
        int done = 0;
        foreach (var batch in missing.Chunk(32))
        {
            var embedded = embeddings.Embed(batch, cancellationToken);
            for (int i = 0; i < batch.Length; i++) vectors[batch[i]] = embedded[i];
            done += batch.Length;
            progress?.Invoke($"embedded {done}/{missing.Length} intent examples");
        }
        samples.AddRange(examples.Select(e => new IntentSample { Text = e.Text, Embedding = vectors.GetValueOrDefault(e.Text) ?? known![e.Text], Label = e.Intent }));
        return samples;
    }

    /// <summary>The model file for this version of the knowledge and of the pipeline.</summary>
    public static string ModelPath(string modelsFolder, KnowledgeBase knowledge) =>
        Path.Combine(modelsFolder, $"intent-{IntentClassifier.PipelineVersion}-{knowledge.ContentHash}.zip");

    /// <summary>The held-out predictions saved with the model, for choosing the thresholds.</summary>
    public static string HeldOutPath(string modelsFolder, KnowledgeBase knowledge) =>
        Path.ChangeExtension(ModelPath(modelsFolder, knowledge), ".heldout.json");

    /// <summary>Folds of the cross-validation whose held-out predictions choose the thresholds.</summary>
    public const int Folds = 5;

    /// <summary>
    /// Loads the saved model and held-out predictions for this knowledge, or cross-validates, trains, saves them and
    /// removes older ones.
    /// </summary>
    public static async Task<TrainedModel> LoadOrTrainAsync(KnowledgeBase knowledge,
        FaqPhrasingCollection index, MiniLmEmbeddingGenerator embeddings, string modelsFolder, bool forceTraining,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = ModelPath(modelsFolder, knowledge);
        if (!forceTraining && File.Exists(path) && File.Exists(HeldOutPath(modelsFolder, knowledge)))
        {
            try
            {
                return new TrainedModel(IntentClassifier.Load(path), ReadHeldOut(HeldOutPath(modelsFolder, knowledge)), Trained: false);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or IOException or System.Text.Json.JsonException)
            {
                progress?.Invoke($"the saved model {path} cannot be read ({e.Message}); training a new one");
            }
        }
        var samples = await SamplesAsync(knowledge, index, embeddings, progress, cancellationToken);
        progress?.Invoke($"training on {samples.Count} examples");
        return TrainAndSave(knowledge, samples, modelsFolder, progress);
    }

    /// <summary>
    /// Cross-validates on <paramref name="samples"/> (held-out predictions), trains on all of them, saves both for
    /// this knowledge and removes older ones.
    /// </summary>
    public static TrainedModel TrainAndSave(KnowledgeBase knowledge, IReadOnlyList<IntentSample> samples, string modelsFolder, Action<string>? progress = null)
    {
        var model = Train(samples, progress);
        Save(knowledge, model, modelsFolder);
        return model;
    }

    /// <summary>Cross-validates on <paramref name="samples"/> (held-out predictions) and trains on all of them, in memory.</summary>
    public static TrainedModel Train(IReadOnlyList<IntentSample> samples, Action<string>? progress = null)
    {
        var vectors = samples.GroupBy(x => x.Text).ToDictionary(g => g.Key, g => g.First().Embedding);
        var heldOut = IntentClassifier.HeldOut(samples, Folds, progress).Select(p => new HeldOutExample(p, vectors[p.Text])).ToArray();
        progress?.Invoke("training the final model on all examples");
        return new TrainedModel(IntentClassifier.Train(samples), heldOut, Trained: true);
    }

    /// <summary>Saves the model and its held-out predictions as those of <paramref name="knowledge"/> and removes older ones.</summary>
    public static void Save(KnowledgeBase knowledge, TrainedModel model, string modelsFolder)
    {
        Directory.CreateDirectory(modelsFolder);
        var path = ModelPath(modelsFolder, knowledge);
        model.Classifier.Save(path);
        WriteHeldOut(HeldOutPath(modelsFolder, knowledge), model.HeldOut);
        var keep = new[] { Path.GetFullPath(path), Path.GetFullPath(HeldOutPath(modelsFolder, knowledge)) };
        foreach (var old in Directory.EnumerateFiles(modelsFolder, "intent-*").Where(f => !keep.Contains(Path.GetFullPath(f))))
            File.Delete(old);
    }

    private static void WriteHeldOut(string path, IReadOnlyList<HeldOutExample> heldOut)
    {
        var saved = heldOut.Select(h => new SavedExample(h.Prediction.Text, h.Prediction.Label, h.Prediction.Predicted.Intent,
            h.Prediction.Predicted.Confidence, h.Prediction.Predicted.HandoverConfidence, h.Prediction.TrueProbability, System.Runtime.InteropServices.MemoryMarshal.AsBytes(h.Vector.AsSpan()).ToArray()));
        var temp = path + ".tmp";
        File.WriteAllText(temp, System.Text.Json.JsonSerializer.Serialize(saved));
        File.Move(temp, path, overwrite: true);
    }

    private static IReadOnlyList<HeldOutExample> ReadHeldOut(string path)
    {
        var saved = System.Text.Json.JsonSerializer.Deserialize<SavedExample[]>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} is empty");
        return saved.Select(x =>
        {
            if (x.Text is null || x.Label is null || x.Predicted is null || x.Vector is null || x.Vector.Length % sizeof(float) != 0)
                throw new InvalidDataException($"{path} has an incomplete example");
            var prediction = new HeldOutPrediction(x.Text, x.Label, new IntentPrediction(x.Predicted, x.Confidence, x.HandoverConfidence), x.TrueProbability);
            return new HeldOutExample(prediction, System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(x.Vector).ToArray());
        }).ToArray();
    }

    /// <summary>One held-out example on disk; the vector as little-endian float bytes (base64 in the JSON).</summary>
    private sealed record SavedExample(string Text, string Label, string Predicted, float Confidence, float? HandoverConfidence,
        float TrueProbability, byte[] Vector);
}

/// <summary>A held-out prediction with the example's embedding, so calibration at start needs no model.</summary>
public sealed record HeldOutExample(HeldOutPrediction Prediction, float[] Vector);

/// <summary>The classifier and its held-out predictions; <paramref name="Trained"/> is false when both were loaded.</summary>
public sealed record TrainedModel(IntentClassifier Classifier, IReadOnlyList<HeldOutExample> HeldOut, bool Trained);
