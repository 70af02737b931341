using SmbBot.Core.Knowledge;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Host.Runtime;

/// <summary>Builds the classifier's training set and keeps one trained model per version of the knowledge.</summary>
public static class IntentTraining
{
    /// <summary>
    /// The intents' examples plus every FAQ phrasing labelled <c>faq</c>, so a new FAQ needs no new intent data.
    /// FAQ phrasings reuse the vectors already stored in the index.
    /// </summary>
    public static async Task<IReadOnlyList<IntentSample>> SamplesAsync(KnowledgeBase knowledge, LiteDbFaqCollection index,
        MiniLmEmbeddingGenerator embeddings, Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var samples = new List<IntentSample>();
        await foreach (var r in index.GetAsync(r => r.Kind == FaqPhrasingRecord.Question, int.MaxValue, new() { IncludeVectors = true }, cancellationToken))
            samples.Add(new IntentSample { Text = r.Text, Embedding = r.Vector.ToArray(), Label = Intents.Faq });
        var examples = knowledge.Intents.ToArray();
        int done = 0;
        foreach (var batch in examples.Chunk(32))
        {
            var vectors = embeddings.Embed(batch.Select(e => e.Text).ToArray(), cancellationToken);
            samples.AddRange(batch.Select((e, i) => new IntentSample { Text = e.Text, Embedding = vectors[i], Label = e.Intent }));
            done += batch.Length;
            progress?.Invoke($"embedded {done}/{examples.Length} intent examples");
        }
        return samples;
    }

    /// <summary>The model file for this version of the knowledge and of the pipeline.</summary>
    public static string ModelPath(string modelsFolder, KnowledgeBase knowledge) =>
        Path.Combine(modelsFolder, $"intent-{IntentClassifier.PipelineVersion}-{knowledge.ContentHash}.zip");

    /// <summary>Loads the saved model for this knowledge, or trains, saves it and removes older ones.</summary>
    public static async Task<(IntentClassifier Classifier, bool Trained)> LoadOrTrainAsync(KnowledgeBase knowledge,
        LiteDbFaqCollection index, MiniLmEmbeddingGenerator embeddings, string modelsFolder, bool forceTraining,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var path = ModelPath(modelsFolder, knowledge);
        if (!forceTraining && File.Exists(path))
        {
            try
            {
                return (IntentClassifier.Load(path), false);
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException or InvalidDataException or IOException)
            {
                progress?.Invoke($"the saved model {path} cannot be read ({e.Message}); training a new one");
            }
        }
        var samples = await SamplesAsync(knowledge, index, embeddings, progress, cancellationToken);
        progress?.Invoke($"training on {samples.Count} examples");
        return (TrainAndSave(knowledge, samples, modelsFolder), true);
    }

    /// <summary>Trains on <paramref name="samples"/>, saves the model for this knowledge and removes older ones.</summary>
    public static IntentClassifier TrainAndSave(KnowledgeBase knowledge, IReadOnlyList<IntentSample> samples, string modelsFolder)
    {
        var path = ModelPath(modelsFolder, knowledge);
        var classifier = IntentClassifier.Train(samples);
        classifier.Save(path);
        foreach (var old in Directory.EnumerateFiles(modelsFolder, "intent-*.zip").Where(f => Path.GetFullPath(f) != Path.GetFullPath(path)))
            File.Delete(old);
        return classifier;
    }
}
