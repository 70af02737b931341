using SmbBot.Knowledge.Embeddings;
using SmbBot.Nlu;

namespace SmbBot.Understanding.Evaluation;

/// <summary>BANKING77: trains the production classifier on <c>train.csv</c> and scores <c>test.csv</c> (accuracy, macro-F1).</summary>
public static class Banking77Evaluation
{
    /// <summary>Runs the evaluation; with <paramref name="shots"/>, trains on that many examples per intent drawn with <paramref name="seed"/>.</summary>
    public static Dictionary<string, object> Run(string folder, int? shots, int seed, Action<string> progress)
    {
        var train = BenchmarkData.ReadLabelled(Path.Combine(folder, "train.csv"));
        var test = BenchmarkData.ReadLabelled(Path.Combine(folder, "test.csv"));
        if (shots is { } perIntent)
        {
            var random = new Random(seed);
            train = train.GroupBy(x => x.Label).SelectMany(g => g.OrderBy(_ => random.Next()).Take(perIntent)).ToList();
            progress($"{perIntent} examples per intent (seed {seed})");
        }
        using var embeddings = new MiniLmEmbeddingGenerator();
        var trainSamples = BenchmarkData.Embed(train, embeddings, progress, "training");
        var testSamples = BenchmarkData.Embed(test, embeddings, progress, "test");
        progress($"training on {trainSamples.Count} examples, {trainSamples.Select(x => x.Label).Distinct().Count()} intents");
        var classifier = IntentClassifier.Train(trainSamples);
        progress("predicting the test set");
        var predicted = testSamples.Select(x => classifier.Predict(x.Text, x.Embedding).Best.Intent).ToArray();
        var gold = testSamples.Select(x => x.Label).ToArray();
        return new Dictionary<string, object>
        {
            ["examples"] = testSamples.Count,
            ["trainExamples"] = trainSamples.Count,
            ["accuracy"] = Math.Round(gold.Zip(predicted).Count(p => p.First == p.Second) / (double)gold.Length, 4),
            ["macroF1"] = Math.Round(BenchmarkData.MacroF1(gold, predicted), 4),
        };
    }
}
