using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmbBot.Benchmarks;

/// <summary>One turn's outcome.</summary>
public sealed record TurnSample(string Route, double Milliseconds, bool Ok, string Text);

/// <summary>Results of one load level.</summary>
public sealed record LoadResult(int Concurrency, int Turns, int Errors, double Seconds, double CpuPercent, IReadOnlyList<TurnSample> Samples)
{
    public double TurnsPerSecond => Turns / Seconds;

    /// <summary>Share of turns whose text had not been sent before in this run (an upper bound on embedding-cache misses).</summary>
    public double NewTextShare => Samples.Count == 0 ? 0 : Samples.Select(s => s.Text.ToLowerInvariant()).Distinct().Count() / (double)Samples.Count;
}

/// <summary>Drives simulated customers through <c>/api/messages</c> with <c>expectReplies</c>, each in its own conversation.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(HostUnderTest host, Scenario scenario, int concurrency, TimeSpan duration, int maxTurns, int seed)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30),
        };
        var samples = new ConcurrentBag<TurnSample>();
        int turns = 0;
        var cpuBefore = host.CpuTime();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            while (clock.Elapsed < duration && Volatile.Read(ref turns) < maxTurns)
            {
                var conversation = $"bench-{seed}-{w}-{Guid.NewGuid():N}";
                foreach (var text in scenario.Conversation(random))
                {
                    if (clock.Elapsed >= duration || Interlocked.Increment(ref turns) > maxTurns) return;
                    samples.Add(await TurnAsync(http, conversation, text));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (host.CpuTime() - cpuBefore).TotalSeconds / seconds / Environment.ProcessorCount * 100;
        var list = samples.ToArray();
        return new LoadResult(concurrency, list.Length, list.Count(s => !s.Ok), seconds, cpu, list);
    }

    private static async Task<TurnSample> TurnAsync(HttpClient http, string conversation, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message", ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "bench", ["deliveryMode"] = "expectReplies",
            ["serviceUrl"] = "http://127.0.0.1:9/", ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "customer-" + conversation, ["role"] = "user" },
            ["recipient"] = new JsonObject { ["id"] = "bot", ["role"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = conversation },
        };
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await http.PostAsJsonAsync("/api/messages", activity);
            var body = await response.Content.ReadAsStringAsync();
            var ms = clock.Elapsed.TotalMilliseconds;
            if (!response.IsSuccessStatusCode) return new TurnSample("error", ms, false, text);
            var replies = JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
            var route = replies.OfType<JsonObject>().SelectMany(a => a["entities"]?.AsArray().OfType<JsonObject>() ?? [])
                .Where(e => (string?)e["type"] == "smbbot.decision").Select(e => (string?)e["route"]).LastOrDefault();
            return new TurnSample(route ?? (replies.Count == 0 ? "quiet" : "other"), ms, true, text);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new TurnSample("error", clock.Elapsed.TotalMilliseconds, false, text);
        }
    }
}

/// <summary>Percentiles of a set of latencies.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
