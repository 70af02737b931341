using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;

namespace SmbBot.Understanding.Evaluation;

/// <summary>
/// HINT3 (real traffic of three customer-service bots, most of it matching no intent): each bot's training sentences
/// are loaded as a business would load its FAQ (one entry per intent: the first sentence its question, the others its
/// alternates), the product trains and chooses its own thresholds from them exactly as at start, and every test message
/// goes through the bot's whole decision. A message counts as predicted intent X only when the bot answers with entry
/// X; a did-you-mean, a hand-over, small talk or a fallback counts as "no intent" (<see cref="NoIntent"/>).
/// With <c>validation</c> the test sets are not read: a fifth of each intent's training sentences is held aside as the
/// in-scope part, and CLINC150's out-of-scope sentences are the out-of-scope part (<see cref="Hint3ValidationSplit"/>).
/// </summary>
public static class Hint3Evaluation
{
    /// <summary>The three bots, in the order of the dataset's README.</summary>
    public static readonly IReadOnlyList<string> Bots = ["sofmattress", "curekart", "powerplay11"];

    /// <summary>The label of a message that matches no intent.</summary>
    public const string NoIntent = "NO_NODES_DETECTED";

    /// <summary>The peers whose per-threshold results the authors published.</summary>
    public static readonly IReadOnlyList<string> Peers = ["rasa", "dialogflow", "luis", "haptik", "bert"];

    /// <summary>
    /// Runs the evaluation on the dataset folder; <paramref name="bots"/> empty means all three. The validation split
    /// (<paramref name="outOfScopeFolder"/> not null) takes its out-of-scope messages from that CLINC150 folder.
    /// </summary>
    public static async Task<Dictionary<string, object>> RunAsync(string folder, IReadOnlyList<string> bots, string? outOfScopeFolder,
        RoutingOptions routing, Action<string> progress)
    {
        if (!Directory.Exists(folder)) throw new BenchmarkDataException($"{Path.GetFullPath(folder)} is not a folder (the HINT3 dataset folder)");
        var chosen = bots.Count == 0 ? Bots : bots;
        var validation = outOfScopeFolder is not null;
        var outOfScopePool = validation ? Clinc150Evaluation.ReadValidationOutOfScope(outOfScopeFolder!) : [];
        var train = chosen.ToDictionary(b => b, b => Read(Path.Combine(folder, $"{b}_train.csv")));
        using var embeddings = new MiniLmEmbeddingGenerator();
        var result = new Dictionary<string, object> { ["split"] = validation ? "validation" : "test" };
        var lines = new List<string>();
        foreach (var bot in chosen)
        {
            var (fit, scored) = validation
                ? Hint3ValidationSplit.Build(train[bot], Hint3ValidationSplit.TestShare[bot], outOfScopePool)
                : (train[bot], Read(Path.Combine(folder, $"{bot}_test.csv")));
            progress($"{bot}: {fit.Count} training sentences, {fit.Select(r => r.Label).Distinct().Count()} intents; scoring {scored.Count} messages ({scored.Count(r => r.Label == NoIntent)} match no intent)");
            var predicted = await PredictAsync(fit, scored.Select(r => r.Text).ToArray(), routing, embeddings, progress);
            var score = Hint3Score.Of(scored.Select(r => r.Label).ToArray(), predicted, NoIntent);
            result[bot] = score.ToDictionary();
            lines.Add(Line(bot, score, validation ? null : PublishedResults.Best(folder, bot, Peers)));
            progress("  " + lines[^1]);
        }
        progress("");
        progress($"{"bot",-12} {"accuracy",9} {"in-scope",9} {"oos rec.",9} {"MCC",7}   best peer (its best threshold on the test set itself)");
        foreach (var line in lines) progress(line);
        return result;
    }

    private static string Line(string bot, Hint3Score s, PeerBest? peer) =>
        $"{bot,-12} {s.Accuracy,9:0.000} {s.InScopeAccuracy,9:0.000} {s.OutOfScopeRecall,9:0.000} {s.Mcc,7:0.000}   " +
        (peer is null ? "(validation: no peer figures)" : $"accuracy {peer.Accuracy:0.000} ({peer.AccuracyBy}), MCC {peer.Mcc:0.000} ({peer.MccBy})");

    private static async Task<string[]> PredictAsync(List<(string Text, string Label)> fit, string[] messages, RoutingOptions routing,
        MiniLmEmbeddingGenerator embeddings, Action<string> progress)
    {
        var work = Path.Combine(Path.GetTempPath(), $"smbbot-hint3-{Guid.NewGuid():N}");
        try
        {
            var intentOf = Hint3Knowledge.Write(work, fit);
            var knowledge = KnowledgeBase.Load(work);
            var label = knowledge.Faq.ToDictionary(e => e.Id, e => intentOf[e.Question]);
            // The same build a publish does, from nothing: index, classifier and thresholds.
            var (version, _, _) = await KnowledgeBuilder.BuildAsync(knowledge, current: null, seed: null, embeddings, routing, _ => { });
            progress("  thresholds: " + string.Join(", ", version.Thresholds.Select(t => $"{t.Setting} {t.Value:0.00} ({t.Source})")));
            var runtime = new BotRuntime(new EmbeddingCache(embeddings));
            runtime.Activate(version);
            return messages.Select(m => runtime.Understand(m) is { Route: Route.Faq, Answer: { } a } ? label[a.FaqId] : NoIntent).ToArray();
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    private static List<(string Text, string Label)> Read(string file)
    {
        if (!File.Exists(file)) throw new BenchmarkDataException($"{Path.GetFullPath(file)} does not exist (the HINT3 v1 files are <bot>_train.csv and <bot>_test.csv)");
        try
        {
            var rows = CsvTable.Read(file, file, ["sentence", "label"])
                .Select(r => (r.Fields[0].Trim(), r.Fields[1].Trim())).Where(r => r.Item1.Length > 0 && r.Item2.Length > 0).ToList();
            return rows.Count > 0 ? rows : throw new BenchmarkDataException($"{Path.GetFullPath(file)} has no labelled rows");
        }
        catch (KnowledgeFileException e)
        {
            throw new BenchmarkDataException(e.Message);
        }
    }
}
