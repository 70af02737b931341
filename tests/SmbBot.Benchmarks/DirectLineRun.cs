using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmbBot.Benchmarks;

/// <summary>
/// Simulated customers on the website channel: a token from the site's endpoint, a Direct Line conversation and its
/// WebSocket stream (as Web Chat uses by default), then each message posted and its reply awaited on the stream.
/// Latency is from the post to the reply arriving.
/// </summary>
public static class DirectLineRun
{
    public static Task<LoadResult> RunAsync(HostUnderTest host, Scenario scenario, int concurrency, TimeSpan duration, int seed) =>
        RunAsync(host.Address, host.CpuTime, scenario, concurrency, duration, seed);

    /// <summary>The same at <paramref name="address"/> (a host or a proxy in front of several); <paramref name="cpuTime"/>
    /// is the CPU time of the host processes behind it.</summary>
    public static async Task<LoadResult> RunAsync(Uri address, Func<TimeSpan> cpuTime, Scenario scenario, int concurrency, TimeSpan duration, int seed)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 4 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        var samples = new ConcurrentBag<TurnSample>();
        var cpuBefore = cpuTime();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var random = new Random(seed + w);
            while (clock.Elapsed < duration)
            {
                var token = (await (await http.PostAsync("/api/webchat/token", null)).Content.ReadFromJsonAsync<JsonObject>())!;
                var auth = new AuthenticationHeaderValue("Bearer", (string)token["token"]!);
                var conversation = (string)token["conversationId"]!;
                JsonObject started;
                using (var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Headers = { Authorization = auth } })
                    started = (await (await http.SendAsync(start)).Content.ReadFromJsonAsync<JsonObject>())!;
                using var socket = new System.Net.WebSockets.ClientWebSocket();
                await socket.ConnectAsync(new Uri((string)started["streamUrl"]!), CancellationToken.None);
                var arrived = System.Threading.Channels.Channel.CreateUnbounded<JsonObject>();
                var reading = ReadAsync(socket, arrived.Writer);
                foreach (var text in scenario.Conversation(random))
                {
                    if (clock.Elapsed >= duration) break;
                    samples.Add(await TurnAsync(http, auth, conversation, text, arrived.Reader));
                }
                await socket.CloseAsync(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                await reading;
            }
        })));
        var seconds = clock.Elapsed.TotalSeconds;
        var cpu = (cpuTime() - cpuBefore).TotalSeconds / seconds / Environment.ProcessorCount * 100;
        var list = samples.ToArray();
        return new LoadResult(concurrency, list.Length, list.Count(s => !s.Ok), seconds, cpu, list);
    }

    internal static async Task ReadAsync(System.Net.WebSockets.ClientWebSocket socket, System.Threading.Channels.ChannelWriter<JsonObject> arrived)
    {
        var buffer = new byte[1 << 20];
        try
        {
            while (socket.State == System.Net.WebSockets.WebSocketState.Open)
            {
                int length = 0;
                System.Net.WebSockets.ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), CancellationToken.None);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
                if (result.MessageType == System.Net.WebSockets.WebSocketMessageType.Close) break;
                var frame = JsonNode.Parse(System.Text.Encoding.UTF8.GetString(buffer, 0, length))!;
                foreach (var activity in frame["activities"]!.AsArray().OfType<JsonObject>()) await arrived.WriteAsync((JsonObject)activity.DeepClone());
            }
        }
        catch (System.Net.WebSockets.WebSocketException) { }
        arrived.TryComplete();
    }

    internal static async Task<TurnSample> TurnAsync(HttpClient http, AuthenticationHeaderValue auth, string conversation, string text,
        System.Threading.Channels.ChannelReader<JsonObject> arrived)
    {
        var clock = Stopwatch.StartNew();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities")
        {
            Headers = { Authorization = auth }, Content = JsonContent.Create(new { type = "message", text }),
        };
        var posted = await http.SendAsync(post);
        if (!posted.IsSuccessStatusCode) return new TurnSample("error", clock.Elapsed.TotalMilliseconds, false, text);
        var id = (string)(await posted.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (true)
            {
                var activity = await arrived.ReadAsync(wait.Token);
                if ((string?)activity["replyToId"] != id) continue;
                // The turn is complete at the reply carrying the decision (the safety instruction may come first).
                var route = activity["entities"]?.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "smbbot.decision").Select(e => (string?)e["route"]).LastOrDefault();
                if (route is not null) return new TurnSample(route, clock.Elapsed.TotalMilliseconds, true, text);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.Threading.Channels.ChannelClosedException)
        {
            return new TurnSample("quiet", clock.Elapsed.TotalMilliseconds, true, text);
        }
    }
}
