using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiteDB;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.Benchmarks;

/// <summary>
/// The soak and fault benchmark: mixed traffic for a long time with memory, threads and handles read every half
/// minute; SIGKILL under escalation load with announced tickets counted against stored ones; the data folder's file
/// system filled to the last byte in the middle of a run, then freed.
///   dotnet run -c Release --project tests/SmbBot.Benchmarks -- soak [--minutes 30] [--kills 3]
/// </summary>
public static class Soak
{
    public static async Task RunAsync(int minutes, int kills)
    {
        Console.WriteLine($"SmbBot soak and fault benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        var scenario = new Scenario(RepoPaths.Knowledge, Path.Combine(RepoPaths.Root, "tests", "SmbBot.IntegrationTests", "Conversations", "sample-shop.csv"));
        await MixedTrafficAsync(scenario, minutes);
        for (var round = 1; round <= kills; round++) await KillUnderLoadAsync(round);
        await FileSystemFaultsAsync();
    }

    private static async Task MixedTrafficAsync(Scenario scenario, int minutes)
    {
        var data = RepoPaths.NewTempFolder();
        try
        {
            using var host = await HostUnderTest.StartAsync(data);
            var clock = Stopwatch.StartNew();
            var gauges = new List<ProcessGauge> { ProcessGauge.Read(host.ProcessId, 0, data) };
            long turns = 0, errors = 0, chunk = 0;
            Console.WriteLine($"\nmixed traffic for {minutes} min: 4 Emulator conversations (Bot Framework protocol) and 4 website chats (Direct Line, WebSocket) at full speed");
            Console.WriteLine($"  {"min",5} {"RSS MB",8} {"threads",8} {"handles",8} {"data MB",8} {"turns",8} {"errors",7}");
            while (clock.Elapsed < TimeSpan.FromMinutes(minutes))
            {
                if (host.ExitCode is { } code) throw new InvalidOperationException($"the host ended with exit code {code} after {clock.Elapsed.TotalMinutes:0.0} min");
                var seed = (int)(1000 + chunk++ * 17);
                var emulator = LoadRun.RunAsync(host, scenario, 4, TimeSpan.FromSeconds(30), int.MaxValue, seed);
                var web = DirectLineRun.RunAsync(host, scenario, 4, TimeSpan.FromSeconds(30), seed + 7);
                LoadResult[] results;
                try
                {
                    results = await Task.WhenAll(emulator, web);
                }
                catch (InvalidOperationException) when (host.ExitCode is { } ended)
                {
                    Console.WriteLine($"  the host ended with exit code {ended} after {clock.Elapsed.TotalMinutes:0.0} min (137 = killed by SIGKILL from outside)");
                    break;
                }
                turns += results.Sum(r => r.Turns);
                errors += results.Sum(r => r.Errors);
                var gauge = ProcessGauge.Read(host.ProcessId, clock.Elapsed.TotalMinutes, data);
                gauges.Add(gauge);
                Console.WriteLine($"  {gauge.Minutes,5:0.0} {gauge.RssMb,8:0} {gauge.Threads,8} {gauge.Handles,8} {gauge.DataMb,8:0} {turns,8} {errors,7}");
            }
            // The first minutes fill caches (embeddings of new texts, LiteDB pages); the slope is read after them.
            var settled = gauges.Where(g => g.Minutes >= Math.Min(5, minutes / 3.0)).ToArray();
            Console.WriteLine($"  after warm-up: RSS slope {ProcessGauge.SlopePerHour(settled, g => g.RssMb):+0.0;-0.0} MB/hour " +
                $"(from {settled[0].RssMb:0} to {settled[^1].RssMb:0} MB), threads {settled.Min(g => g.Threads)}-{settled.Max(g => g.Threads)}, " +
                $"handles {settled.Min(g => g.Handles)}-{settled.Max(g => g.Handles)}, data folder {settled[0].DataMb:0} -> {settled[^1].DataMb:0} MB, {turns} turns, {errors} errors");
        }
        finally
        {
            TryDelete(data);
        }
    }

    /// <summary>20 customers asking for a person at once; the host is killed with SIGKILL after a few seconds.</summary>
    private static async Task KillUnderLoadAsync(int round)
    {
        var data = RepoPaths.NewTempFolder();
        try
        {
            var announced = new ConcurrentDictionary<string, byte>();
            var host = await HostUnderTest.StartAsync(data);
            using var stop = new CancellationTokenSource();
            var load = Escalations(host, 20, announced, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(4 + 3 * round));
            host.Kill();
            stop.Cancel();
            await load;
            host.Dispose();
            var stored = StoredTickets(data);
            var lost = announced.Keys.Where(n => !stored.Contains(n)).ToArray();
            Console.WriteLine($"\nSIGKILL under load, round {round}: {announced.Count} tickets announced to customers, {stored.Count} stored, " +
                $"{lost.Length} announced but lost{(lost.Length > 0 ? ": " + string.Join(", ", lost.Take(10)) : "")}");
            using var again = await HostUnderTest.StartAsync(data);
            Console.WriteLine($"  restarted on the same data: ready in {again.Startup.TotalSeconds:0.0} s");
        }
        finally
        {
            TryDelete(data);
        }
    }

    /// <summary>
    /// The data folder on a small file system of its own (tmpfs, needs root): filled to the last byte for 10 s, then
    /// freed, all under escalation load.
    /// </summary>
    private static async Task FileSystemFaultsAsync()
    {
        var mountPoint = RepoPaths.NewTempFolder();
        if (!Run("mount", $"-t tmpfs -o size=256m tmpfs {mountPoint}"))
        {
            Console.WriteLine("\nfile-system faults: skipped (mounting a tmpfs needs root)");
            return;
        }
        try
        {
            var announced = new ConcurrentDictionary<string, byte>();
            var statuses = new ConcurrentDictionary<string, int>();
            using var host = await HostUnderTest.StartAsync(mountPoint);
            using var stop = new CancellationTokenSource();
            var load = Escalations(host, 8, announced, stop.Token, statuses);
            async Task Phase(string name, Action begin)
            {
                begin();
                statuses.Clear();
                var before = announced.Count;
                await Task.Delay(TimeSpan.FromSeconds(10));
                var ready = await host.ReadyStatusAsync();
                Console.WriteLine($"  {name,-22} replies {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}; " +
                    $"{announced.Count - before} tickets announced; /health/ready {ready}");
            }
            Console.WriteLine("\nfile-system faults under load (8 customers asking for a person):");
            await Phase("normal", () => { });
            // Remounting read-only is refused by the kernel while the host holds the file open for writing, and a
            // file's mode is only checked when it is opened: a write failing in mid-run is what a full disk gives.
            await Phase("disk full", () => Run("sh", $"-c \"dd if=/dev/zero of={mountPoint}/filler bs=1M 2>/dev/null; true\""));
            await Phase("space freed", () => File.Delete(Path.Combine(mountPoint, "filler")));
            stop.Cancel();
            await load;
            host.Kill();
            host.Dispose();
            var stored = StoredTickets(mountPoint);
            var lost = announced.Keys.Count(n => !stored.Contains(n));
            Console.WriteLine($"  {announced.Count} tickets announced in all, {stored.Count} stored, {lost} announced but lost");
        }
        finally
        {
            Run("umount", $"-l {mountPoint}");
            TryDelete(mountPoint);
        }
    }

    private static Task Escalations(HostUnderTest host, int customers, ConcurrentDictionary<string, byte> announced, CancellationToken stop,
        ConcurrentDictionary<string, int>? statuses = null)
    {
        var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(15) };
        return Task.WhenAll(Enumerable.Range(0, customers).Select(c => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var conversation = $"soak-{c}-{Guid.NewGuid():N}";
                var activity = new JsonObject
                {
                    ["type"] = "message", ["channelId"] = "bench", ["deliveryMode"] = "expectReplies", ["serviceUrl"] = "http://127.0.0.1:9/",
                    ["text"] = "I want to talk to a person about my order", ["from"] = new JsonObject { ["id"] = "customer-" + conversation },
                    ["recipient"] = new JsonObject { ["id"] = "bot" }, ["conversation"] = new JsonObject { ["id"] = conversation },
                };
                try
                {
                    using var response = await http.PostAsJsonAsync("/api/messages", activity, stop);
                    var body = await response.Content.ReadAsStringAsync(stop);
                    statuses?.AddOrUpdate(((int)response.StatusCode).ToString(), 1, (_, n) => n + 1);
                    if (!response.IsSuccessStatusCode) { await Task.Delay(100, stop); continue; }
                    foreach (var number in (JsonNode.Parse(body)?["activities"]?.AsArray() ?? []).OfType<JsonObject>()
                        .SelectMany(a => a["entities"]?.AsArray().OfType<JsonObject>() ?? [])
                        .Select(e => (string?)e["ticketId"]).OfType<string>())
                        announced.TryAdd(number, 0);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested) { return; }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    statuses?.AddOrUpdate("no answer", 1, (_, n) => n + 1);
                    await Task.Delay(100, CancellationToken.None);
                }
            }
        })));
    }

    private static HashSet<string> StoredTickets(string data)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = Path.Combine(data, "smbbot.db"), ReadOnly = true, Connection = ConnectionType.Direct });
        return db.GetCollection("tickets").FindAll().Select(d => $"T-{1000 + d["_id"].AsInt32}").ToHashSet();
    }

    private static bool Run(string file, string arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
