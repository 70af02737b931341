using System.Diagnostics;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;

using System.Xml.Linq;
using LiteDB;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Nlu;

namespace SmbBot.Host.Cli;

/// <summary>
/// <c>eval &lt;dataset&gt; --data &lt;path&gt;</c>: measures the production classifier and retrieval on a public
/// benchmark. Prints progress, a summary, and as its last line one JSON object with the metrics.
/// Datasets: <c>banking77</c> (accuracy, macro-F1; <c>--shots N --seed S</c>), <c>clinc150</c> (in-scope accuracy and
/// out-of-scope recall at a threshold chosen on the validation split) and <c>stackfaq</c> (top-1, MRR, MAP).
/// </summary>
public static class EvalCommand
{
    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        if (args.Length < 1 || Option(args, "--data") is not { } data)
        {
            errors.WriteLine("usage: eval <banking77|clinc150|stackfaq> --data <path> [--shots N --seed S]");
            return 2;
        }
        data = DataPath(data, configuration);
        var clock = Stopwatch.StartNew();
        void Progress(string step) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {step}");
        try
        {
            var result = args[0] switch
            {
                "banking77" => Banking77(data, args, Progress),
                "stackfaq" => await StackFaqAsync(data, configuration, Progress),
                "clinc150" => Clinc150(data, configuration, Progress),
                _ => throw new EvalDataException($"unknown dataset '{args[0]}' (banking77, clinc150, stackfaq)"),
            };
            result["dataset"] = args[0];
            result["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
            output.WriteLine();
            foreach (var (k, v) in result) output.WriteLine($"  {k,-12} {v}");
            output.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
            return 0;
        }
        catch (EvalDataException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static Dictionary<string, object> Banking77(string folder, string[] args, Action<string> progress)
    {
        var train = ReadLabelled(Path.Combine(folder, "train.csv"));
        var test = ReadLabelled(Path.Combine(folder, "test.csv"));
        if (Option(args, "--shots") is { } shotsText)
        {
            if (!int.TryParse(shotsText, out var shots) || shots < 1) throw new EvalDataException($"--shots must be a whole number of at least 1, not '{shotsText}'");
            var seedText = Option(args, "--seed") ?? "1";
            if (!int.TryParse(seedText, out var seed)) throw new EvalDataException($"--seed must be a whole number, not '{seedText}'");
            var random = new Random(seed);
            train = train.GroupBy(x => x.Label).SelectMany(g => g.OrderBy(_ => random.Next()).Take(shots)).ToList();
            progress($"{shots} examples per intent (seed {seed})");
        }
        using var embeddings = new MiniLmEmbeddingGenerator();
        var trainSamples = Embed(train, embeddings, progress, "training");
        var testSamples = Embed(test, embeddings, progress, "test");
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
            ["macroF1"] = Math.Round(MacroF1(gold, predicted), 4),
        };
    }

    /// <summary>
    /// Trains on the in-scope training split, picks the confidence threshold on the validation split (in-scope and
    /// out-of-scope) with the bot's own calibration rule and target, then scores the test split once.
    /// </summary>
    private static Dictionary<string, object> Clinc150(string path, IConfiguration configuration, Action<string> progress)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, "data_full.json") : path;
        if (!File.Exists(file)) throw new EvalDataException($"{Path.GetFullPath(file)} does not exist");
        var splits = ReadClincSplits(file);
        foreach (var key in new[] { "train", "val", "test", "oos_val", "oos_test" })
            if (!splits.TryGetValue(key, out var split)) throw new EvalDataException($"{file} has no '{key}' split");
            else if (split.Count == 0) throw new EvalDataException($"{file}: split '{key}' is empty");
        using var embeddings = new MiniLmEmbeddingGenerator();
        var train = Embed(splits["train"], embeddings, progress, "training");
        var val = Embed(splits["val"], embeddings, progress, "validation");
        var oosVal = Embed(splits["oos_val"], embeddings, progress, "out-of-scope validation");
        var test = Embed(splits["test"], embeddings, progress, "test");
        var oosTest = Embed(splits["oos_test"], embeddings, progress, "out-of-scope test");
        progress($"training on {train.Count} in-scope examples, {train.Select(x => x.Label).Distinct().Count()} intents");
        var classifier = IntentClassifier.Train(train);
        // The bot's own rule and setting: the lowest threshold at which the validation decisions it would act on
        // (in-scope predictions, and out-of-scope queries that reach the threshold) are right at least
        // Routing:IntentPrecision of the time.
        var target = Routing(configuration).IntentPrecision;
        var chosen = ConfidenceCalibration.Choose(Outcomes(classifier, val, oosVal), target);
        var threshold = chosen.Threshold;
        progress($"threshold {threshold:0.00} chosen on the validation split (target precision {target:P0}, reached {chosen.Precision:P2}); scoring the test split");
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
            ["targetPrecision"] = target,
            ["inScopeAccuracyNoThreshold"] = Math.Round(InScope(0), 4),
        };
    }

    private static async Task<Dictionary<string, object>> StackFaqAsync(string file, IConfiguration configuration, Action<string> progress)
    {
        if (Directory.Exists(file)) file = Path.Combine(file, "stackExchange-FAQ.xml");
        if (!File.Exists(file)) throw new EvalDataException($"{Path.GetFullPath(file)} does not exist");
        XDocument xml;
        try { xml = XDocument.Load(file); }
        catch (System.Xml.XmlException e) { throw new EvalDataException($"{file} is not valid XML: {e.Message}"); }
        var threads = xml.Root!.Elements("qapair").Select((q, i) => new
        {
            Id = $"t{i}",
            Question = ((string?)q.Element("question") ?? "").Trim(),
            Answers = q.Elements("answer").Select(a => a.Value.Trim()).Where(a => a.Length > 0).ToArray(),
            Queries = q.Elements("rephr").Select(r => r.Value.Trim()).Where(r => r.Length > 0 && r != "*").ToArray(),
        }).ToArray();
        if (threads.Length == 0) throw new EvalDataException($"{file} has no <qapair> elements");
        var faq = threads.Select(t => new FaqEntry(t.Id, t.Question, string.Join("\n", t.Answers), [], "stackfaq", file)).ToArray();
        var queries = threads.SelectMany(t => t.Queries.Select(q => (Thread: t.Id, Text: q))).ToArray();
        if (queries.Length == 0) throw new EvalDataException($"{file} has no <rephr> queries");
        progress($"{faq.Length} threads, {threads.Sum(t => t.Answers.Length)} answers, {queries.Length} queries");

        var folder = Path.Combine(Path.GetTempPath(), "smbbot-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var db = new LiteDatabase(Path.Combine(folder, "eval.db"));
            using var embeddings = new MiniLmEmbeddingGenerator();
            var index = new LiteDbFaqCollection(db, "faq", embeddings);
            await FaqIndexer.SyncAsync(index, faq, embeddings);
            progress("FAQ indexed (questions and answers)");
            var routing = Routing(configuration);
            var retriever = new FaqRetriever(index, faq, new RetrievalWeights(routing.KeywordWeight, routing.AnswerWeight));
            double top1 = 0, reciprocal = 0;
            int done = 0;
            foreach (var batch in queries.Chunk(64))
            {
                var vectors = embeddings.Embed(batch.Select(q => q.Text).ToArray());
                for (int i = 0; i < batch.Length; i++)
                {
                    var ranked = retriever.Find(batch[i].Text, vectors[i], top: faq.Length);
                    var rank = ranked.Select(c => c.FaqId).ToList().IndexOf(batch[i].Thread) + 1;
                    if (rank == 1) top1++;
                    if (rank > 0) reciprocal += 1.0 / rank;
                }
                done += batch.Length;
                progress($"{done}/{queries.Length} queries");
            }
            // One relevant thread per query, so average precision is 1/rank and MAP equals MRR.
            return new Dictionary<string, object>
            {
                ["examples"] = queries.Length,
                ["top1"] = Math.Round(top1 / queries.Length, 4),
                ["mrr"] = Math.Round(reciprocal / queries.Length, 4),
                ["map"] = Math.Round(reciprocal / queries.Length, 4),
            };
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>An object of splits, each an array of <c>[text, intent]</c> pairs of strings.</summary>
    private static Dictionary<string, List<(string Text, string Label)>> ReadClincSplits(string file)
    {
        EvalDataException Bad(string why) => new($"{Path.GetFullPath(file)} is not the CLINC150 data_full.json format: {why}");
        System.Text.Json.Nodes.JsonNode? root;
        try { root = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(file)); }
        catch (System.Text.Json.JsonException e) { throw Bad(e.Message); }
        if (root is not System.Text.Json.Nodes.JsonObject splits) throw Bad("the file is not a JSON object of splits");
        var result = new Dictionary<string, List<(string Text, string Label)>>();
        foreach (var (name, value) in splits)
        {
            if (value is not System.Text.Json.Nodes.JsonArray items) throw Bad($"split '{name}' is not an array");
            var rows = new List<(string Text, string Label)>(items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                if (items[i] is not System.Text.Json.Nodes.JsonArray { Count: 2 } pair
                    || pair[0]?.GetValueKind() != System.Text.Json.JsonValueKind.String || pair[1]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
                    throw Bad($"item {i} of split '{name}' is not a [text, intent] pair of strings");
                rows.Add(((string)pair[0]!, (string)pair[1]!));
            }
            result[name] = rows;
        }
        return result;
    }

    private static RoutingOptions Routing(IConfiguration configuration) => Configuration.RoutingSettings.Read(configuration);

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

    private static List<(string Text, string Label)> ReadLabelled(string file)
    {
        if (!File.Exists(file)) throw new EvalDataException($"{Path.GetFullPath(file)} does not exist");
        try
        {
            var rows = CsvTable.Read(file, file, ["text", "category"]);
            var labelled = rows.Select(r => (r.Fields[0].Trim(), r.Fields[1].Trim())).Where(r => r.Item1.Length > 0 && r.Item2.Length > 0).ToList();
            return labelled.Count > 0 ? labelled : throw new EvalDataException($"{Path.GetFullPath(file)} has no labelled rows");
        }
        catch (KnowledgeFileException e)
        {
            throw new EvalDataException(e.Message);
        }
    }

    private static List<IntentSample> Embed(List<(string Text, string Label)> rows, MiniLmEmbeddingGenerator embeddings, Action<string> progress, string what)
    {
        var samples = new List<IntentSample>(rows.Count);
        foreach (var batch in rows.Chunk(64))
        {
            var vectors = embeddings.Embed(batch.Select(r => r.Text).ToArray());
            samples.AddRange(batch.Select((r, i) => new IntentSample { Text = r.Text, Embedding = vectors[i], Label = r.Label }));
            if (samples.Count % 2048 < 64 || samples.Count == rows.Count) progress($"embedded {samples.Count}/{rows.Count} {what} texts");
        }
        return samples;
    }

    private static double MacroF1(string[] gold, string[] predicted)
    {
        var labels = gold.Distinct().ToArray();
        return labels.Average(label =>
        {
            double tp = gold.Zip(predicted).Count(p => p.First == label && p.Second == label);
            double fp = predicted.Zip(gold).Count(p => p.First == label && p.Second != label);
            double fn = gold.Zip(predicted).Count(p => p.First == label && p.Second != label);
            return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
        });
    }

    /// <summary>
    /// A relative <c>--data</c> path as given, or else relative to the SmbBot folder (<c>dotnet run --project</c>
    /// starts the process in the project's folder, not where the command was typed).
    /// </summary>
    private static string DataPath(string data, IConfiguration configuration)
    {
        if (Path.IsPathRooted(data) || File.Exists(data) || Directory.Exists(data)) return data;
        var fromRoot = Path.GetFullPath(Path.Combine(Configuration.SmbBotPaths.From(configuration).Root, data));
        return File.Exists(fromRoot) || Directory.Exists(fromRoot) ? fromRoot : data;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed class EvalDataException(string message) : Exception(message);
}
