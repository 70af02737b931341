using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>One host process with a known Direct Line secret, shared by the protocol tests.</summary>
public sealed class DirectLineHost : IAsyncLifetime
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    private readonly string _data = RepoPaths.NewTempFolder();

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await HostProcess.StartAsync(new Dictionary<string, string>
    {
        ["Storage__DataPath"] = _data, ["DirectLine__Secret"] = Secret, ["DirectLine__PostBurst"] = "5",
        ["DirectLine__PostsPerMinute"] = "6", ["Tickets__ReadApi__Enabled"] = "true",
    });

    public Task DisposeAsync()
    {
        Host.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>The Direct Line 3.0 routes as Web Chat's client uses them, against the real host.</summary>
public class DirectLineProtocolTests(DirectLineHost fixture) : IClassFixture<DirectLineHost>
{
    private HttpClient Client => fixture.Host.Client;

    private async Task<(HttpStatusCode Status, JsonObject? Body)> Send(HttpMethod method, string path, string? bearer, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (body is string raw) request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        else if (body is not null) request.Content = JsonContent.Create(body);
        var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text) as JsonObject : null);
    }

    /// <summary>Token from the website's backend, then the conversation started as Web Chat does.</summary>
    private async Task<(string Conversation, string Token, string StreamUrl)> StartAsync()
    {
        var (_, site) = await Send(HttpMethod.Post, "/api/webchat/token", null);
        var (status, started) = await Send(HttpMethod.Post, "/v3/directline/conversations", (string)site!["token"]!, new { user = new { } });
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal((string?)site["conversationId"], (string?)started!["conversationId"]);
        return ((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!);
    }

    private async Task<JsonObject> Poll(string conversation, string token, string watermark = "")
    {
        var (status, page) = await Send(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities?watermark={watermark}", token);
        Assert.Equal(HttpStatusCode.OK, status);
        return page!;
    }

    private async Task<JsonObject> WaitFor(string conversation, string token, Func<JsonObject, bool> found)
    {
        for (int i = 0; i < 200; i++)
        {
            var page = await Poll(conversation, token);
            if (page["activities"]!.AsArray().OfType<JsonObject>().FirstOrDefault(found) is { } hit) return hit;
            await Task.Delay(100);
        }
        throw new TimeoutException("the activity never appeared");
    }

    [Fact]
    public async Task A_conversation_gets_the_welcome_echoes_the_customer_and_answers_with_watermarks()
    {
        var (conversation, token, _) = await StartAsync();
        var welcome = await WaitFor(conversation, token, a => (string?)a["from"]?["role"] == "bot");
        Assert.Contains("Harbour & Pine Outdoor", (string?)welcome["text"]);

        var (status, posted) = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token,
            new { type = "message", text = "how much do you charge for postage", from = new { id = "someone-else", role = "bot" }, channelData = new { clientActivityID = "client-1" } });
        Assert.Equal(HttpStatusCode.OK, status);
        var id = (string)posted!["id"]!;

        var answer = await WaitFor(conversation, token, a => (string?)a["replyToId"] == id);
        Assert.Contains("£3.95", (string?)answer["text"]);
        Assert.Equal("directline", (string?)answer["channelId"]);
        var page = await Poll(conversation, token);
        var echo = page["activities"]!.AsArray().OfType<JsonObject>().Single(a => (string?)a["id"] == id);
        Assert.Equal("user", (string?)echo["from"]!["role"]);
        Assert.StartsWith("dl_", (string?)echo["from"]!["id"]);                  // from the token, not from the client
        Assert.Equal("client-1", (string?)echo["channelData"]!["clientActivityID"]);
        Assert.NotNull(echo["timestamp"]);

        var watermark = (string)page["watermark"]!;
        var after = await Poll(conversation, token, watermark);
        Assert.Empty(after["activities"]!.AsArray());
        Assert.Equal(watermark, (string?)after["watermark"]);
        var middle = await Poll(conversation, token, "1");
        Assert.Equal(int.Parse(watermark) - 1, middle["activities"]!.AsArray().Count);
    }

    [Fact]
    public async Task Tokens_are_generated_with_the_secret_refreshed_and_checked_on_every_call()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Send(HttpMethod.Post, "/v3/directline/tokens/generate", "wrong-secret")).Status);
        var (status, generated) = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True((int)generated!["expires_in"]! > 15 * 60);
        var token = (string)generated["token"]!;

        var (refreshed, body) = await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", token);
        Assert.Equal(HttpStatusCode.OK, refreshed);
        Assert.Equal((string?)generated["conversationId"], (string?)body!["conversationId"]);

        var (_, other) = await Send(HttpMethod.Post, "/api/webchat/token", null);
        var conversation = (string)generated["conversationId"]!;
        await Send(HttpMethod.Post, "/v3/directline/conversations", token);
        var forged = token[..^4] + (token[^4..] == "AAAA" ? "BBBB" : "AAAA");

        var forgedStatus = (await Send(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", forged)).Status;
        var (otherStatus, otherBody) = await Send(HttpMethod.Get, $"/v3/directline/conversations/{conversation}/activities", (string)other!["token"]!);
        var (missingStatus, _) = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", null, new { type = "message", text = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, forgedStatus);
        Assert.Equal(HttpStatusCode.Forbidden, otherStatus);
        Assert.Equal("Forbidden", (string?)otherBody!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.Unauthorized, missingStatus);
    }

    [Fact]
    public async Task Reconnect_returns_a_fresh_token_and_unknown_conversations_are_404()
    {
        var (conversation, token, _) = await StartAsync();

        var (status, reconnected) = await Send(HttpMethod.Get, $"/v3/directline/conversations/{conversation}?watermark=1", token);
        var (_, generated) = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret);
        var unknown = (string)generated!["conversationId"]!; // a token for a conversation never started
        var (unknownStatus, _) = await Send(HttpMethod.Get, $"/v3/directline/conversations/{unknown}", (string)generated["token"]!);
        var (unknownPoll, _) = await Send(HttpMethod.Get, $"/v3/directline/conversations/{unknown}/activities", (string)generated["token"]!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(conversation, (string?)reconnected!["conversationId"]);
        Assert.False(string.IsNullOrEmpty((string?)reconnected["token"]));
        Assert.StartsWith("ws://", (string?)reconnected["streamUrl"]);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal(HttpStatusCode.NotFound, unknownPoll);
    }

    [Fact]
    public async Task The_websocket_stream_replays_everything_after_the_watermark_on_reconnect()
    {
        var (conversation, token, streamUrl) = await StartAsync();
        await WaitFor(conversation, token, a => (string?)a["from"]?["role"] == "bot");
        var (_, posted) = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token, new { type = "message", text = "Is there parking at the store?" });
        await WaitFor(conversation, token, a => (string?)a["replyToId"] == (string?)posted!["id"]);

        var all = await ReadFrames(streamUrl, 3);
        var replay = await ReadFrames(streamUrl + "&watermark=1", 2);

        Assert.Equal(3, all.Count);
        Assert.Contains("20 spaces", (string?)all[^1]["text"]);
        Assert.Equal(all.Skip(1).Select(a => (string?)a["id"]), replay.Select(a => (string?)a["id"]));

        // A live socket gets new activities as they happen.
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl + "&watermark=3"), CancellationToken.None);
        await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token, new { type = "message", text = "thanks" });
        var live = await Receive(socket, 2);
        Assert.Equal("thanks", (string?)live[0]["text"]);
        Assert.Equal("bot", (string?)live[1]["from"]!["role"]);
    }

    private static async Task<List<JsonObject>> ReadFrames(string url, int count)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(url), CancellationToken.None);
        var activities = await Receive(socket, count);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        return activities;
    }

    private static async Task<List<JsonObject>> Receive(ClientWebSocket socket, int count)
    {
        var activities = new List<JsonObject>();
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (activities.Count < count)
        {
            int length = 0;
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token) is var r ? new WebSocketReceiveResult(r.Count, r.MessageType, r.EndOfMessage) : null!;
                length += result.Count;
            }
            while (!result.EndOfMessage);
            var frame = JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!;
            Assert.NotNull(frame["watermark"]);
            activities.AddRange(frame["activities"]!.AsArray().OfType<JsonObject>().Select(a => (JsonObject)a.DeepClone()));
        }
        return activities;
    }

    [Fact]
    public async Task Bad_input_gets_directline_errors_and_the_poll_stays_200()
    {
        var (conversation, token, _) = await StartAsync();
        var path = $"/v3/directline/conversations/{conversation}/activities";

        var (tooBig, tooBigBody) = await Send(HttpMethod.Post, path, token, new { type = "message", text = new string('x', 310 * 1024) });
        var (badJson, _) = await Send(HttpMethod.Post, path, token, "{not json");
        var (badText, _) = await Send(HttpMethod.Post, path, token, new { type = "message", text = new { a = 1 } });
        var (upload, _) = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/upload?userId=x", token, "{}");
        var (poll, _) = await Send(HttpMethod.Get, path + "?watermark=not-a-number", token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig);
        Assert.Equal("MessageSizeTooBig", (string?)tooBigBody!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.BadRequest, badJson);
        Assert.Equal(HttpStatusCode.BadRequest, badText);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, upload);
        Assert.Equal(HttpStatusCode.OK, poll);
    }

    [Fact]
    public async Task A_flood_of_posts_from_one_token_gets_429_but_polling_goes_on()
    {
        var (conversation, token, _) = await StartAsync();
        var path = $"/v3/directline/conversations/{conversation}/activities";

        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 12; i++) statuses.Add((await Send(HttpMethod.Post, path, token, new { type = "typing" })).Status);

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, path, token)).Status);
    }

    [Fact]
    public async Task A_customer_vouched_for_by_the_website_is_known_to_the_bot()
    {
        var (_, generated) = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret, new { user = new { id = "crm:C-1003" } });
        var token = (string)generated!["token"]!;
        var (_, started) = await Send(HttpMethod.Post, "/v3/directline/conversations", token);
        var conversation = (string)started!["conversationId"]!;

        var (_, posted) = await Send(HttpMethod.Post, $"/v3/directline/conversations/{conversation}/activities", token, new { type = "message", text = "I want to talk to a real person" });
        var reply = await WaitFor(conversation, token, a => (string?)a["replyToId"] == (string?)posted!["id"]);

        Assert.DoesNotContain("e-mail", (string?)reply["text"]);
        var number = (string)reply["entities"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["type"] == "smbbot.decision")["ticketId"]!;
        var ticket = (await Client.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!;
        Assert.Equal(("C-1003", "Priya Sharma"), ((string?)ticket["customer"]!["id"], (string?)ticket["customer"]!["name"]));
        Assert.Equal("directline", (string?)ticket["channelId"]);

        var (_, anonymous) = await Send(HttpMethod.Post, "/v3/directline/tokens/generate", DirectLineHost.Secret, new { user = new { id = "bad id with spaces" } });
        Assert.Equal("BadArgument", (string?)anonymous!["error"]!["code"]);
    }
}
