using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// One host process with a known Direct Line secret, shared by the protocol tests: at most 1 MB stored per
/// conversation and pages of at most 256 KB.
/// </summary>
public class DirectLineHost : IAsyncLifetime
{
    public const string Secret = "test-secret-0123456789-abcdefghijklmnop";
    private readonly string _data = RepoPaths.NewTempFolder();

    public RunningHost Host { get; private set; } = null!;

    /// <summary>Settings (environment variables) this host runs with beyond the shared ones.</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> Settings => [];

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__DataPath"] = _data, ["DirectLine__Secret"] = Secret, ["DirectLine__PostBurst"] = "5",
            ["DirectLine__PostsPerMinute"] = "6", ["Tickets__ReadApi__Enabled"] = "true",
            ["DirectLine__ConversationQuotaMegabytes"] = "1", ["DirectLine__MaxPageKilobytes"] = "256",
        };
        foreach (var (k, v) in Settings) settings[k] = v;
        Host = await HostProcess.StartAsync(settings);
    }

    /// <summary>A client of this host whose requests come from <paramref name="localAddress"/> (any of 127.0.0.0/8).</summary>
    public HttpClient ClientFrom(string localAddress) => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse(localAddress), 0));
            await socket.ConnectAsync(context.DnsEndPoint, cancel);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        },
    }) { BaseAddress = Host.Client.BaseAddress };

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
        var generatedToken = (string)generated["token"]!;
        var (beforeStart, _) = await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", generatedToken);
        var (_, started) = await Send(HttpMethod.Post, "/v3/directline/conversations", generatedToken);

        var (refreshed, body) = await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", (string)started!["token"]!);
        Assert.Equal(HttpStatusCode.NotFound, beforeStart);
        Assert.Equal(HttpStatusCode.OK, refreshed);
        Assert.Equal((string?)generated["conversationId"], (string?)body!["conversationId"]);
        var token = (string)body["token"]!;

        var (_, other) = await Send(HttpMethod.Post, "/api/webchat/token", null);
        var conversation = (string)generated["conversationId"]!;
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
        var seen = ((string)all[^1]["id"]!).Split('|')[1].TrimStart('0');
        await socket.ConnectAsync(new Uri(streamUrl + "&watermark=" + seen), CancellationToken.None);
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
            // "Typing" is presence, not content: the bot sends it before each reply.
            activities.AddRange(frame["activities"]!.AsArray().OfType<JsonObject>().Where(a => (string?)a["type"] != "typing").Select(a => (JsonObject)a.DeepClone()));
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
    public async Task A_refresh_replaces_the_old_token_on_every_route_and_the_new_one_works()
    {
        var (conversation, old, streamUrl) = await StartAsync();
        var (status, refreshed) = await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", old);
        Assert.Equal(HttpStatusCode.OK, status);
        var current = (string)refreshed!["token"]!;
        var path = $"/v3/directline/conversations/{conversation}";

        var refusals = new[]
        {
            await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", old),
            await Send(HttpMethod.Post, "/v3/directline/conversations", old),
            await Send(HttpMethod.Get, path, old),
            await Send(HttpMethod.Get, path + "/activities", old),
            await Send(HttpMethod.Post, path + "/activities", old, new { type = "message", text = "hi" }),
        };
        var streamStatus = (await Client.GetAsync(new Uri(streamUrl.Replace("ws://", "http://")))).StatusCode;

        Assert.All(refusals, r => Assert.Equal((HttpStatusCode.Forbidden, "TokenExpired"), (r.Status, (string?)r.Body!["error"]!["code"])));
        Assert.Equal(HttpStatusCode.Forbidden, streamStatus);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, path + "/activities", current)).Status);
        var (again, next) = await Send(HttpMethod.Post, "/v3/directline/tokens/refresh", current);
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(HttpStatusCode.Forbidden, (await Send(HttpMethod.Get, path + "/activities", current)).Status);
        Assert.Equal(HttpStatusCode.OK, (await Send(HttpMethod.Get, path + "/activities", (string)next!["token"]!)).Status);
    }

    [Fact]
    public async Task Activities_with_fields_of_the_wrong_type_get_400_with_the_field_named_and_nothing_is_stored()
    {
        var (conversation, token, _) = await StartAsync();
        var path = $"/v3/directline/conversations/{conversation}/activities";
        await WaitFor(conversation, token, a => (string?)a["from"]?["role"] == "bot"); // the welcome, sent after the start
        var before = (await Poll(conversation, token))["watermark"]!.ToString();

        var answers = new List<(HttpStatusCode Status, JsonObject? Body)>();
        foreach (var body in new[] { """{"type":"message","text":5}""", """{"type":"message","text":"hi","from":"x"}""", """{"type":"message","text":"hi","attachments":{}}""" })
            answers.Add(await Send(HttpMethod.Post, path, token, body));
        var after = await Poll(conversation, token, before);

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.BadRequest, "BadArgument"), (a.Status, (string?)a.Body!["error"]!["code"])));
        Assert.Equal(["'text' must be a string", "'from' must be an object", "'attachments' must be an array of objects"],
            answers.Select(a => (string?)a.Body!["error"]!["message"]));
        Assert.Empty(after["activities"]!.AsArray());
        Assert.Equal(before, (string?)after["watermark"]);
    }

    [Fact]
    public async Task A_conversation_id_over_the_key_limit_or_not_text_gets_400_on_every_route()
    {
        var (_, token, _) = await StartAsync();
        var key = Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(DirectLineHost.Secret), "connector"u8))[..32].ToLowerInvariant();
        foreach (var id in new[] { new string('a', 1024), "abc%ED%A0%80" })
        {
            var routes = new (HttpMethod Method, string Path)[]
            {
                (HttpMethod.Get, $"/v3/directline/conversations/{id}"),
                (HttpMethod.Get, $"/v3/directline/conversations/{id}/activities"),
                (HttpMethod.Post, $"/v3/directline/conversations/{id}/activities"),
                (HttpMethod.Post, $"/v3/directline/conversations/{id}/upload"),
                (HttpMethod.Get, $"/v3/directline/conversations/{id}/stream?t={token}"),
                (HttpMethod.Post, $"/v3/directline/connector/{key}/v3/conversations/{id}/activities"),
                (HttpMethod.Post, $"/v3/directline/connector/{key}/v3/conversations/{id}/activities/x"),
            };
            foreach (var (method, route) in routes)
            {
                var (status, body) = await Send(method, route, token, method == HttpMethod.Post ? new { type = "message", text = "hi" } : null);
                Assert.True(status == HttpStatusCode.BadRequest, $"{method} {route[..Math.Min(route.Length, 60)]}: {status}");
                Assert.Equal("BadArgument", (string?)body!["error"]!["code"]);
            }
        }
    }

    [Fact]
    public async Task The_stream_address_is_never_built_from_a_host_the_server_does_not_answer_to()
    {
        var (_, site) = await Send(HttpMethod.Post, "/api/webchat/token", null);
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations") { Content = JsonContent.Create(new { user = new { } }) };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)site!["token"]!);
        start.Headers.Host = "evil.example.net";

        var response = await Client.SendAsync(start);
        var text = await response.Content.ReadAsStringAsync();
        var (_, _, streamUrl) = await StartAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("evil", text);
        Assert.Contains("DirectLine:PublicUrl", text);
        Assert.StartsWith($"ws://{Client.BaseAddress!.Authority}/", streamUrl);
    }

    [Fact]
    public async Task A_poll_and_a_stream_frame_hold_at_most_a_page_and_the_watermark_reaches_every_activity()
    {
        var (conversation, token, streamUrl) = await StartAsync();
        var path = $"/v3/directline/conversations/{conversation}/activities";
        var posted = new List<string>();
        for (int i = 0; i < 4; i++)
        {
            var (status, body) = await Send(HttpMethod.Post, path, token, new { type = "typing", channelData = new { pad = new string((char)('a' + i), 100 * 1024) } });
            Assert.Equal(HttpStatusCode.OK, status);
            posted.Add((string)body!["id"]!);
        }

        var seen = new List<string>();
        var watermark = "";
        for (int polls = 0; polls < 20; polls++)
        {
            var response = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"{path}?watermark={watermark}") { Headers = { Authorization = new("Bearer", token) } });
            var text = await response.Content.ReadAsStringAsync();
            var page = JsonNode.Parse(text)!;
            var ids = page["activities"]!.AsArray().Select(a => (string)a!["id"]!).ToList();
            if (ids.Count == 0) break;
            Assert.InRange(Encoding.UTF8.GetByteCount(text), 1, 256 * 1024 + 4096); // MaxPageKilobytes is 256 here: two of these per page
            seen.AddRange(ids);
            watermark = (string)page["watermark"]!;
        }
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(streamUrl), CancellationToken.None);
        var frames = new List<int>();
        var streamed = new List<string>();
        var buffer = new byte[1 << 20];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (!posted.All(streamed.Contains))
        {
            int length = 0;
            ValueWebSocketReceiveResult result;
            do length += (result = await socket.ReceiveAsync(buffer.AsMemory(length), timeout.Token)).Count;
            while (!result.EndOfMessage);
            frames.Add(length);
            streamed.AddRange(JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, length))!["activities"]!.AsArray().Select(a => (string)a!["id"]!));
        }

        Assert.Equal(posted, seen.Where(posted.Contains));
        Assert.Equal(seen.Distinct(), seen);
        Assert.All(frames, f => Assert.InRange(f, 1, 256 * 1024 + 4096));
        Assert.Equal(posted, streamed.Where(posted.Contains));
    }

    [Fact]
    public async Task A_conversation_that_has_stored_its_quota_refuses_more_posts_with_413_and_stores_nothing()
    {
        var (conversation, token, _) = await StartAsync();
        var path = $"/v3/directline/conversations/{conversation}/activities";

        var statuses = new List<(HttpStatusCode Status, JsonObject? Body)>();
        for (int i = 0; i < 4; i++) statuses.Add(await Send(HttpMethod.Post, path, token, new { type = "typing", channelData = new { pad = new string('q', 290 * 1024) } }));
        var stored = new List<JsonNode>();
        var watermark = "";
        for (int i = 0; i < 10; i++)
        {
            var page = await Poll(conversation, token, watermark);
            if (page["activities"]!.AsArray().Count == 0) break;
            stored.AddRange(page["activities"]!.AsArray().Where(a => (string?)a!["type"] == "typing")!);
            watermark = (string)page["watermark"]!;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.RequestEntityTooLarge], statuses.Select(s => s.Status));
        Assert.Equal("ConversationQuotaExceeded", (string?)statuses[3].Body!["error"]!["code"]);
        Assert.Equal(3, stored.Count);
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
