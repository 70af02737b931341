using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.Benchmarks;

/// <summary>
/// How long a customer whose Web Chat stream (WebSocket) is on host A waits for a reply when their message was posted
/// to host B, as nginx's round robin does half the time, against both on one host. Two hosts on one throw-away
/// PostgreSQL database, reached directly (no proxy), one conversation, FAQ questions one after the other; latency from
/// the post to the reply arriving on the stream.
/// </summary>
public static class CrossHostBench
{
    private static readonly string[] Questions =
        ["Is there parking at the store?", "Do you sell gift cards?", "What is your return policy?", "Do you service bikes?"];

    public static async Task RunAsync(int turns)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var folder = RepoPaths.NewTempFolder();
        Console.WriteLine($"SmbBot cross-host benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {turns} turns per row, host {HostUnderTest.HostDll}");
        Console.WriteLine($"  {"stream on A, post to",-22} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"errors",7}");
        try
        {
            using var cluster = new PostgreSqlTestCluster();
            var database = cluster.NewDatabase();
            var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            var settings = new Dictionary<string, string>
            {
                ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = database, ["DirectLine__Secret"] = secret,
            };
            using var a = await HostUnderTest.StartAsync(Path.Combine(folder, "a"), settings);
            using var b = await HostUnderTest.StartAsync(Path.Combine(folder, "b"), settings);
            using var atA = new HttpClient { BaseAddress = a.Address, Timeout = TimeSpan.FromSeconds(30) };
            using var atB = new HttpClient { BaseAddress = b.Address, Timeout = TimeSpan.FromSeconds(30) };

            var token = (await (await atA.PostAsync("/api/webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
            var auth = new AuthenticationHeaderValue("Bearer", (string)token["token"]!);
            var conversation = (string)token["conversationId"]!;
            JsonObject started;
            using (var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = auth } })
                started = (await (await atA.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>())!;
            using var socket = new System.Net.WebSockets.ClientWebSocket();
            await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);
            var arrived = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
            var reading = DirectLineRun.ReadAsync(socket, arrived.Writer);

            await MeasureAsync("(warm-up, not reported)", atB, auth, conversation, arrived.Reader, 8, report: false);
            await MeasureAsync("A (same host)", atA, auth, conversation, arrived.Reader, turns, report: true);
            await MeasureAsync("B (other host)", atB, auth, conversation, arrived.Reader, turns, report: true);

            await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            await reading;
        }
        finally
        {
            RepoPaths.DeleteFolder(folder);
        }
    }

    private static async Task MeasureAsync(string row, HttpClient host, AuthenticationHeaderValue auth, string conversation,
        System.Threading.Channels.ChannelReader<JsonObject> arrived, int turns, bool report)
    {
        var samples = new List<TurnSample>();
        for (var i = 0; i < turns; i++)
        {
            samples.Add(await DirectLineRun.TurnAsync(host, auth, conversation, Questions[i % Questions.Length], arrived));
            // A customer reads before typing again; also lets a late echo drain from the stream.
            await Task.Delay(Random.Shared.Next(50, 250));
            while (arrived.TryRead(out _)) { }
        }
        if (!report) return;
        var sorted = samples.Where(s => s.Ok && s.Route != "quiet").Select(s => s.Milliseconds).Order().ToArray();
        Console.WriteLine($"  {row,-22} {Stats.Percentile(sorted, 50),8:0} {Stats.Percentile(sorted, 95),8:0} {sorted.LastOrDefault(),8:0} {samples.Count - sorted.Length,7}");
    }
}
