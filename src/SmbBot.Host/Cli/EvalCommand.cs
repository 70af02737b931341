using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Xml.Linq;
using LiteDB;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Host.Configuration;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Understanding.Evaluation;

namespace SmbBot.Host.Cli;

/// <summary>
/// <c>eval &lt;dataset&gt; --data &lt;path&gt;</c>: measures the production classifier and retrieval on a public
/// benchmark. Prints progress, a summary, and as its last line one JSON object with the metrics.
/// Datasets: <c>banking77</c> (accuracy, macro-F1; <c>--shots N --seed S</c>), <c>clinc150</c> (in-scope accuracy and
/// out-of-scope recall at a threshold chosen on the validation split) and <c>stackfaq</c> (top-1, MRR, MAP).
/// </summary>
public static class EvalCommand
{
    private static readonly string[] Datasets = ["banking77", "clinc150", "stackfaq", "hint3"];

    /// <summary>Options whose value, not the command, is wrong when they fail to parse (exit code 1).</summary>
    internal static readonly string[] ValueOptions = ["--shots", "--seed", "--bot", "--split"];

    /// <summary>The <c>eval</c> verb with one command per dataset.</summary>
    public static Command Create(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var shots = new Option<int?>("--shots")
        {
            Description = "train on this many examples per intent (drawn with --seed) instead of the whole training set",
            CustomParser = r => WholeNumber(r, "--shots", "a whole number of at least 1", minimum: 1),
        };
        var seed = new Option<int>("--seed")
        {
            Description = "seed of the draw of --shots examples",
            DefaultValueFactory = _ => 1,
            CustomParser = r => WholeNumber(r, "--seed", "a whole number", minimum: int.MinValue) ?? 1,
        };
        var banking77 = Dataset("banking77", "intent accuracy and macro-F1 (train.csv, test.csv)", configuration, output, errors, shots, seed,
            (parsed, data, _, progress) => Task.FromResult(Banking77Evaluation.Run(data, parsed.GetValue(shots), parsed.GetValue(seed), progress)));
        var clinc150 = Dataset("clinc150", "in-scope accuracy and out-of-scope recall at the bot's threshold rule (data_full.json)", configuration, output, errors, null, null,
            (_, data, routing, progress) => Task.FromResult(Clinc150Evaluation.Run(data, routing().IntentPrecision, progress)));
        var stackfaq = Dataset("stackfaq", "FAQ retrieval top-1, MRR and MAP (stackExchange-FAQ.xml)", configuration, output, errors, null, null,
            (_, data, routing, progress) =>
            {
                var options = routing();
                return StackFaqEvaluation.RunAsync(data, new RetrievalWeights(options.KeywordWeight, options.AnswerWeight), progress);
            });
        var bot = new Option<string[]>("--bot")
        {
            Description = $"only these HINT3 bots ({string.Join(", ", Hint3Evaluation.Bots)}); all three when not given",
            AllowMultipleArgumentsPerToken = true,
        };
        bot.Validators.Add(r =>
        {
            foreach (var name in r.GetValueOrDefault<string[]>() ?? [])
                if (!Hint3Evaluation.Bots.Contains(name)) r.AddError($"--bot must be one of {string.Join(", ", Hint3Evaluation.Bots)}, not '{name}'");
        });
        var split = new Option<string>("--split")
        {
            Description = "test (the published comparison) or validation (a fifth of the training sentences, and CLINC150's out-of-scope sentences as out of scope; for choosing designs)",
            DefaultValueFactory = _ => "test",
        };
        split.AcceptOnlyFromAmong("test", "validation");
        var clinc = new Option<string>("--clinc150")
        {
            Description = "with --split validation: the CLINC150 folder whose oos_train and oos_val sentences are the out-of-scope messages (default: clinc150 beside the --data folder)",
        };
        var hint3 = Dataset("hint3", "real bot traffic, mostly out of scope: accuracy, in-scope accuracy, out-of-scope recall and MCC beside the published peers (v1 CSV files)",
            configuration, output, errors, null, null,
            (parsed, data, routing, progress) => Hint3Evaluation.RunAsync(data, parsed.GetValue(bot) ?? [],
                parsed.GetValue(split) == "validation" ? OutOfScopeFolder(parsed.GetValue(clinc), data, configuration) : null, routing(), progress));
        hint3.Options.Add(bot);
        hint3.Options.Add(split);
        hint3.Options.Add(clinc);
        return new Command("eval", "measure the classifier or the FAQ retrieval on a public benchmark") { banking77, clinc150, stackfaq, hint3 };
    }

    /// <summary>The problem with the dataset named after <c>eval</c>, if it is not one of them.</summary>
    internal static string? UnknownDataset(string[] tokens) =>
        tokens is ["eval", var dataset, ..] && !dataset.StartsWith('-') && !Datasets.Contains(dataset)
            ? $"unknown dataset '{dataset}' ({string.Join(", ", Datasets)})"
            : null;

    private static Command Dataset(string name, string description, IConfiguration configuration, TextWriter output, TextWriter errors,
        Option<int?>? shots, Option<int>? seed,
        Func<ParseResult, string, Func<Core.Routing.RoutingOptions>, Action<string>, Task<Dictionary<string, object>>> evaluate)
    {
        var data = new Option<string>("--data") { Description = "the dataset's folder or file; a relative path is also looked up from the SmbBot folder", Required = true };
        var command = new Command(name, description) { data };
        if (shots is not null) command.Options.Add(shots);
        if (seed is not null) command.Options.Add(seed);
        command.SetAction(async (parsed, _) =>
        {
            var folder = DataPath(parsed.GetValue(data)!, configuration);
            var clock = Stopwatch.StartNew();
            void Progress(string step) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {step}");
            Dictionary<string, object> result;
            try
            {
                result = await evaluate(parsed, folder, () => RoutingSettings.Read(configuration), Progress);
            }
            catch (BenchmarkDataException e)
            {
                errors.WriteLine($"error: {e.Message}");
                return 1;
            }
            result["dataset"] = name;
            result["seconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1);
            output.WriteLine();
            foreach (var (k, v) in result) output.WriteLine($"  {k,-12} {(v is Dictionary<string, object> nested ? System.Text.Json.JsonSerializer.Serialize(nested) : v)}");
            output.WriteLine(System.Text.Json.JsonSerializer.Serialize(result));
            return 0;
        });
        return command;
    }

    private static int? WholeNumber(ArgumentResult result, string option, string what, int minimum)
    {
        if (result.Tokens.Count == 0) return null;
        var text = result.Tokens[0].Value;
        if (int.TryParse(text, out var value) && value >= minimum) return value;
        result.AddError($"{option} must be {what}, not '{text}'");
        return null;
    }

    /// <summary>The <c>--clinc150</c> folder, or the <c>clinc150</c> folder beside the HINT3 one.</summary>
    private static string OutOfScopeFolder(string? clinc, string hint3Folder, IConfiguration configuration) =>
        clinc is null ? Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(hint3Folder)))!, "clinc150") : DataPath(clinc, configuration);

    /// <summary>
    /// A relative <c>--data</c> path as given, or else relative to the SmbBot folder (<c>dotnet run --project</c>
    /// starts the process in the project's folder, not where the command was typed).
    /// </summary>
    private static string DataPath(string data, IConfiguration configuration)
    {
        if (Path.IsPathRooted(data) || File.Exists(data) || Directory.Exists(data)) return data;
        var fromRoot = Path.GetFullPath(Path.Combine(SmbBotPaths.From(configuration).Root, data));
        return File.Exists(fromRoot) || Directory.Exists(fromRoot) ? fromRoot : data;
    }
}
