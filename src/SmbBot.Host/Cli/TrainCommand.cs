using System.CommandLine;
using System.Diagnostics;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.Understanding;

namespace SmbBot.Host.Cli;

/// <summary><c>train</c>: reads the knowledge, updates the FAQ index, cross-validates and trains the classifier, saves it.</summary>
public static class TrainCommand
{
    /// <summary>The <c>train</c> verb.</summary>
    public static Command Create(IConfiguration configuration, TextWriter output)
    {
        var command = new Command("train", "retrain the intent classifier now; print cross-validated accuracy and the routing thresholds");
        command.SetAction((_, _) => RunAsync(configuration, output));
        return command;
    }

    /// <summary>Runs the verb; returns the process exit code.</summary>
    public static async Task<int> RunAsync(IConfiguration configuration, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        void Progress(string step) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,6:0.0}s] {step}");

        var paths = SmbBotPaths.From(configuration);
        var routing = RoutingSettings.Read(configuration);
        Progress($"reading knowledge from {paths.Knowledge}");
        var knowledge = KnowledgeBase.Load(paths.Knowledge);
        Progress($"{knowledge.Faq.Count} FAQ entries, {knowledge.Intents.Count} intent examples, {knowledge.Customers.Count} CRM customers");

        using var folderLock = DataFolderLock.Acquire(paths.Data);
        using var db = DataStore.Open(paths);
        var report = await Retraining.RunAsync(knowledge, db, paths.Models, routing, Progress);
        var cv = report.CrossValidation;

        output.WriteLine();
        output.WriteLine($"Intent classifier ({report.Intents.Count} intents: {string.Join(", ", report.Intents)})");
        output.WriteLine($"  examples            {report.Examples}");
        output.WriteLine($"  {cv.Folds}-fold accuracy     {cv.MicroAccuracy:P1} (micro), {cv.MacroAccuracy:P1} (macro)");
        output.WriteLine($"  log-loss            {cv.LogLoss:0.000}");
        output.WriteLine($"  model               {report.ModelPath}");
        output.WriteLine();
        output.WriteLine($"Routing thresholds ({report.Turns.Count} held-out examples)");
        foreach (var t in report.Thresholds)
            output.WriteLine($"  {t.Setting,-19} {t.Value:0.00}  target {t.TargetPrecision:P0} right; {t.Source}");
        output.WriteLine();
        output.WriteLine("What each threshold trades off on the held-out examples: share of the decisions taken that are right /");
        output.WriteLine("share of the right ones still taken. Higher thresholds are right more often and act less often.");
        output.WriteLine("  threshold  small talk/off  handover         answer           suggestion");
        foreach (var row in report.TradeOffs)
        {
            var cells = row.Points.Select(p => $"{p.Precision,6:P0} / {p.Coverage,-6:P0}");
            output.WriteLine($"  {row.Threshold,9:0.0}  {string.Join("  ", cells)}");
        }
        output.WriteLine($"  took                {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
