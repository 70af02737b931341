using System.Text.Json;
using System.Text.Json.Nodes;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Nlu;

namespace SmbBot.Understanding.Evaluation;

/// <summary>
/// CLINC150: trains on the in-scope training split, picks the confidence threshold on the validation split (in-scope
/// and out-of-scope) with the bot's own calibration rule and target, then scores the test split once.
/// </summary>
public static class Clinc150Evaluation
{
    /// <summary>Runs the evaluation on <c>data_full.json</c> (or the folder holding it) at the bot's intent precision target.</summary>
    public static Dictionary<string, object> Run(string path, double targetPrecision, Action<string> progress)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, "data_full.json") : path;
        if (!File.Exists(file)) throw new BenchmarkDataException($"{Path.GetFullPath(file)} does not exist");
        var splits = ReadSplits(file);
        foreach (var key in new[] { "train", "val", "test", "oos_val", "oos_test" })
            if (!splits.TryGetValue(key, out var split)) throw new BenchmarkDataException($"{file} has no '{key}' split");
            else if (split.Count == 0) throw new BenchmarkDataException($"{file}: split '{key}' is empty");
        using var embeddings = new MiniLmEmbeddingGenerator();
        var train = BenchmarkData.Embed(splits["train"], embeddings, progress, "training");
        var val = BenchmarkData.Embed(splits["val"], embeddings, progress, "validation");
        var oosVal = BenchmarkData.Embed(splits["oos_val"], embeddings, progress, "out-of-scope validation");
        var test = BenchmarkData.Embed(splits["test"], embeddings, progress, "test");
        var oosTest = BenchmarkData.Embed(splits["oos_test"], embeddings, progress, "out-of-scope test");
        progress($"training on {train.Count} in-scope examples, {train.Select(x => x.Label).Distinct().Count()} intents");
        var classifier = IntentClassifier.Train(train);
        // The bot's own rule and setting: the lowest threshold at which the validation decisions it would act on
        // (in-scope predictions, and out-of-scope queries that reach the threshold) are right at least
        // Routing:IntentPrecision of the time.
        var chosen = ConfidenceCalibration.Choose(Outcomes(classifier, val, oosVal), targetPrecision);
        var threshold = chosen.Threshold;
        progress($"threshold {threshold:0.00} chosen on the validation split (target precision {targetPrecision:P0}, reached {chosen.Precision:P2}); scoring the test split");
        var testScores = Outcomes(classifier, test, []);
        var oosScores = Outcomes(classifier, oosTest, []).Select(o => o.Score).ToArray();
        double InScope(double t) => testScores.Count(x => x.Correct && x.Score >= t) / (double)testScores.Count;
        double OosRecall(double t) => oosScores.Count(c => c < t) / (double)oosScores.Length;
        // The trade-off on the test split, for reading only: the threshold itself was chosen on validation.
        var curve = Enumerable.Range(1, 9).Select(i => $"{i / 10.0:0.0}: {InScope(i / 10.0):P1} / {OosRecall(i / 10.0):P1}");
        progress("test in-scope accuracy / out-of-scope recall by threshold: " + string.Join(", ", curve));
        return new Dictionary<string, object>
        {
            ["examples"] = test.Count + oosTest.Count,
            ["inScopeAccuracy"] = Math.Round(InScope(threshold), 4),
            ["oosRecall"] = Math.Round(OosRecall(threshold), 4),
            ["threshold"] = threshold,
            ["targetPrecision"] = targetPrecision,
            ["inScopeAccuracyNoThreshold"] = Math.Round(InScope(0), 4),
        };
    }

    /// <summary>
    /// The out-of-scope sentences of <c>oos_train</c> and <c>oos_val</c> (never <c>oos_test</c>) of <c>data_full.json</c>
    /// or the folder holding it, in file order.
    /// </summary>
    public static List<string> ReadValidationOutOfScope(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, "data_full.json") : path;
        if (!File.Exists(file)) throw new BenchmarkDataException($"{Path.GetFullPath(file)} does not exist (CLINC150's data_full.json, whose out-of-scope sentences the HINT3 validation split uses; give its folder with --clinc150)");
        var splits = ReadSplits(file);
        var sentences = new List<string>();
        foreach (var key in new[] { "oos_train", "oos_val" })
            if (!splits.TryGetValue(key, out var split) || split.Count == 0) throw new BenchmarkDataException($"{file} has no '{key}' sentences");
            else sentences.AddRange(split.Select(r => r.Text));
        return sentences;
    }

    /// <summary>An object of splits, each an array of <c>[text, intent]</c> pairs of strings.</summary>
    private static Dictionary<string, List<(string Text, string Label)>> ReadSplits(string file)
    {
        BenchmarkDataException Bad(string why) => new($"{Path.GetFullPath(file)} is not the CLINC150 data_full.json format: {why}");
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(file)); }
        catch (JsonException e) { throw Bad(e.Message); }
        if (root is not JsonObject splits) throw Bad("the file is not a JSON object of splits");
        var result = new Dictionary<string, List<(string Text, string Label)>>();
        foreach (var (name, value) in splits)
        {
            if (value is not JsonArray items) throw Bad($"split '{name}' is not an array");
            var rows = new List<(string Text, string Label)>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is not JsonArray { Count: 2 } pair
                    || pair[0]?.GetValueKind() != JsonValueKind.String || pair[1]?.GetValueKind() != JsonValueKind.String)
                    throw Bad($"item {i} of split '{name}' is not a [text, intent] pair of strings");
                rows.Add(((string)pair[0]!, (string)pair[1]!));
            }
            result[name] = rows;
        }
        return result;
    }

    private static List<ScoredOutcome> Outcomes(IntentClassifier classifier, List<IntentSample> inScope, List<IntentSample> outOfScope)
    {
        var outcomes = new List<ScoredOutcome>(inScope.Count + outOfScope.Count);
        foreach (var x in inScope)
        {
            var best = classifier.Predict(x.Text, x.Embedding).Best;
            outcomes.Add(new ScoredOutcome(best.Confidence, best.Intent == x.Label));
        }
        foreach (var x in outOfScope)
            outcomes.Add(new ScoredOutcome(classifier.Predict(x.Text, x.Embedding).Best.Confidence, false));
        return outcomes;
    }
}
