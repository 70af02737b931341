using System.Globalization;
using System.Text.Json;
using SmbBot.Benchmarks;
using SmbBot.IntegrationTests.Infrastructure;

// The load benchmark. Starts the Release host as its own process, measures cold and warm start, the embedding
// model's own ceiling on this machine, turns per second and latency at 4 and 32 concurrent conversations, peak memory,
// and the ticket queue at 100,000 tickets. Traffic goes only to loopback; every phase is bounded in time and count.
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- [--seconds 20] [--tickets 100000] [--host-dll PATH]
// The soak and fault benchmark (Soak.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- soak [--minutes 30] [--kills 3]
// --host-dll PATH (load benchmark and cross-host): another build of the host, to compare two builds on one machine.
if (Array.IndexOf(args, "--host-dll") is var hostAt and >= 0 && hostAt + 1 < args.Length) HostUnderTest.HostDll = Path.GetFullPath(args[hostAt + 1]);
// The insight dashboard and unanswered grouping at scale (InsightBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- insight [--turns 1000000] [--tickets 100000] [--messages 10000]
if (args.FirstOrDefault() == "insight")
{
    InsightBench.Run(Option("--turns", 1_000_000), Option("--tickets", 100_000), Option("--messages", 10_000));
    return;
}
// The publish benchmark (PublishRun.cs): publish-to-live time of one changed entry while customers keep asking:
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- publish [--large-only]
if (args.FirstOrDefault() == "publish")
{
    await PublishRun.RunAsync(args.Contains("--large-only"));
    return;
}
// Ticket routing (RoutingBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- routing [--tickets 100000]
if (args.FirstOrDefault() == "routing")
{
    var folder = RepoPaths.NewTempFolder();
    try { RoutingBench.Run(folder, Option("--tickets", 100_000)); }
    finally { RepoPaths.DeleteFolder(folder); }
    return;
}
// migrate-store moving a LiteDB file of many tickets into PostgreSQL (MigrateStoreBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- migrate-store [--tickets 100000]
if (args.FirstOrDefault() == "migrate-store")
{
    await MigrateStoreBench.RunAsync(Option("--tickets", 100_000));
    return;
}
// The staff queue on PostgreSQL beside LiteDB (PostgresQueueBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- postgres-queue [--tickets 100000] [--open 500]
if (args.FirstOrDefault() == "postgres-queue")
{
    PostgresQueueBench.Run(Option("--tickets", 100_000), Option("--open", 500));
    return;
}
// The Direct Line store on PostgreSQL as the channel grows (PostgresDirectLineBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- postgres-directline [--conversations 100000]
if (args.FirstOrDefault() == "postgres-directline")
{
    PostgresDirectLineBench.Run(Option("--conversations", 100_000));
    return;
}
// The stores' share of a turn on PostgreSQL beside LiteDB, with round trips (TurnStoreBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- postgres-turn [--runs 200] [--transcript 10]
if (args.FirstOrDefault() == "postgres-turn")
{
    TurnStoreBench.Run(Option("--runs", 200), Option("--transcript", 10));
    return;
}
// Reading each message's language (LanguageBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- languages [--seconds 5]
if (args.FirstOrDefault() == "languages")
{
    var sample = new Scenario(RepoPaths.Knowledge, Path.Combine(RepoPaths.Root, "tests", "SmbBot.IntegrationTests", "Conversations", "sample-shop.csv"));
    LanguageBench.Run(Enumerable.Range(0, 400).SelectMany(i => sample.Conversation(new Random(i))).Distinct().ToArray(),
        SmbBot.Understanding.Languages.MessageLanguages.VocabularyOf(SmbBot.Core.KnowledgeFiles.KnowledgeBase.Load(RepoPaths.Knowledge)), Option("--seconds", 5));
    return;
}
// Turns per second: one host on LiteDB, one on PostgreSQL, two on PostgreSQL behind nginx (MultiHostBench.cs):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- multi-host [--seconds 20]
if (args.FirstOrDefault() == "multi-host")
{
    await MultiHostBench.RunAsync(Option("--seconds", 20));
    return;
}
// Reply latency seen by a Web Chat stream on one host when the turn runs on the other (CrossHostBench.cs); --host-dll
// starts another build of the host (e.g. an older one, to compare):
//   dotnet run -c Release --project tests/SmbBot.Benchmarks -- cross-host [--turns 50] [--host-dll PATH]
if (args.FirstOrDefault() == "cross-host")
{
    await CrossHostBench.RunAsync(Option("--turns", 50));
    return;
}
if (args.FirstOrDefault() == "soak")
{
    await Soak.RunAsync(Option("--minutes", 30), Option("--kills", 3, allowZero: true));
    return;
}
var seconds = Option("--seconds", 20);
var ticketCount = Option("--tickets", 100_000);
var report = new Dictionary<string, object>();
var data = RepoPaths.NewTempFolder();
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Console.WriteLine($"SmbBot load benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {seconds} s per level");
try
{
    double cold, warm;
    using (var host = await HostUnderTest.StartAsync(data)) cold = host.Startup.TotalSeconds;
    Console.WriteLine($"start-up to ready: cold {cold:0.00} s (embed the FAQ, train the classifier)");
    using var server = await HostUnderTest.StartAsync(data);
    warm = server.Startup.TotalSeconds;
    Console.WriteLine($"start-up to ready: warm {warm:0.00} s (saved vectors and model)");
    report["coldStartSeconds"] = Math.Round(cold, 2);
    report["warmStartSeconds"] = Math.Round(warm, 2);

    var scenario = new Scenario(RepoPaths.Knowledge, Path.Combine(RepoPaths.Root, "tests", "SmbBot.IntegrationTests", "Conversations", "sample-shop.csv"));
    var texts = Enumerable.Range(0, 400).Select(i => scenario.Conversation(new Random(i))).SelectMany(c => c).Distinct().ToArray();
    var ceiling1 = EmbeddingCeiling.Measure(texts, 1, TimeSpan.FromSeconds(6));
    var ceilingN = EmbeddingCeiling.Measure(texts, Environment.ProcessorCount, TimeSpan.FromSeconds(6));
    var ceiling = Math.Max(ceiling1, ceilingN);
    Console.WriteLine($"embedding ceiling (model alone, single texts): {ceiling1:0} /s on 1 thread, {ceilingN:0} /s on {Environment.ProcessorCount} threads");
    report["embeddingsPerSecond1Thread"] = Math.Round(ceiling1);
    report["embeddingsPerSecondAllThreads"] = Math.Round(ceilingN);

    await LoadRun.RunAsync(server, scenario, 4, TimeSpan.FromSeconds(3), 300, seed: 1); // warm-up, not reported
    var levels = new List<object>();
    foreach (var concurrency in new[] { 4, 32 })
    {
        var result = await LoadRun.RunAsync(server, scenario, concurrency, TimeSpan.FromSeconds(seconds), 200_000, seed: 100 + concurrency);
        Console.WriteLine();
        Console.WriteLine($"{concurrency} concurrent conversations: {result.Turns} turns in {result.Seconds:0.0} s = {result.TurnsPerSecond:0} turns/s " +
            $"({result.TurnsPerSecond / ceiling:P0} of the embedding ceiling), {result.Errors} errors, host CPU {result.CpuPercent:0}% of {Environment.ProcessorCount} cores, " +
            $"{result.NewTextShare:P0} of texts new");
        Console.WriteLine($"  {"route",-10} {"turns",6} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
        var routes = new Dictionary<string, object>();
        foreach (var group in result.Samples.GroupBy(s => s.Route).OrderByDescending(g => g.Count()).Append(result.Samples.GroupBy(_ => "all").Single()))
        {
            var sorted = group.Select(s => s.Milliseconds).Order().ToArray();
            var (p50, p95, p99, max) = (Stats.Percentile(sorted, 50), Stats.Percentile(sorted, 95), Stats.Percentile(sorted, 99), sorted[^1]);
            Console.WriteLine($"  {group.Key,-10} {sorted.Length,6} {p50,8:0.0} {p95,8:0.0} {p99,8:0.0} {max,8:0.0}");
            routes[group.Key] = new { turns = sorted.Length, p50 = Math.Round(p50, 1), p95 = Math.Round(p95, 1), p99 = Math.Round(p99, 1), max = Math.Round(max, 1) };
        }
        levels.Add(new { concurrency, turns = result.Turns, errors = result.Errors, turnsPerSecond = Math.Round(result.TurnsPerSecond, 1),
            ratioToCeiling = Math.Round(result.TurnsPerSecond / ceiling, 3), cpuPercent = Math.Round(result.CpuPercent), newTextShare = Math.Round(result.NewTextShare, 3), routes });
    }
    report["levels"] = levels;

    var web = await DirectLineRun.RunAsync(server, scenario, 8, TimeSpan.FromSeconds(seconds), seed: 900);
    var all = web.Samples.Select(s => s.Milliseconds).Order().ToArray();
    Console.WriteLine();
    Console.WriteLine($"website channel (Direct Line, WebSocket), 8 conversations: {web.Turns} turns in {web.Seconds:0.0} s = {web.TurnsPerSecond:0} turns/s, " +
        $"{web.Errors} errors, host CPU {web.CpuPercent:0}%; post to reply seen p50 {Stats.Percentile(all, 50):0.0} ms, p95 {Stats.Percentile(all, 95):0.0} ms, p99 {Stats.Percentile(all, 99):0.0} ms");
    report["directLine"] = new { concurrency = 8, turns = web.Turns, errors = web.Errors, turnsPerSecond = Math.Round(web.TurnsPerSecond, 1),
        p50 = Math.Round(Stats.Percentile(all, 50), 1), p95 = Math.Round(Stats.Percentile(all, 95), 1), p99 = Math.Round(Stats.Percentile(all, 99), 1) };
    report["peakMemoryMb"] = Math.Round(server.PeakMemoryMb());
    Console.WriteLine();
    Console.WriteLine($"host peak memory (VmHWM): {server.PeakMemoryMb():0} MB");
}
finally
{
    try { Directory.Delete(data, recursive: true); } catch (IOException) { }
}

var storeFolder = RepoPaths.NewTempFolder();
try
{
    var store = TicketStoreBench.Run(storeFolder, ticketCount, open: 500);
    Console.WriteLine($"ticket store, {store.Tickets} tickets ({store.Open} open), {store.FileMb} MB, filled in {store.FillSeconds:0} s: " +
        $"queue first page {store.FirstPageMs:0.00} ms, one ticket {store.OneTicketMs:0.00} ms, append a message {store.AppendMs:0.00} ms (medians of 20)");
    report["ticketStore"] = new { tickets = store.Tickets, open = store.Open, firstPageMs = Math.Round(store.FirstPageMs, 2), oneTicketMs = Math.Round(store.OneTicketMs, 2), appendMs = Math.Round(store.AppendMs, 2) };
}
finally
{
    try { Directory.Delete(storeFolder, recursive: true); } catch (IOException) { }
}
Console.WriteLine(JsonSerializer.Serialize(report));

int Option(string name, int fallback, bool allowZero = false)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && (v > 0 || (allowZero && v == 0)) ? v : fallback;
}
