using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The Direct Line 3.0 routes Web Chat's client calls, under <c>/v3/directline</c>, plus the connector endpoint the bot
/// replies to and the website's token endpoint.
/// </summary>
public static class DirectLineEndpoints
{
    private const int MaxActivityBytes = 300 * 1024;

    /// <summary>Maps the channel's routes.</summary>
    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var dl = app.MapGroup("/v3/directline").DisableAntiforgery();
        dl.MapPost("/tokens/generate", Generate).WithBodyLimit(16 * 1024, TooLarge);
        dl.MapPost("/tokens/refresh", Refresh);
        dl.MapPost("/conversations", StartConversation);
        dl.MapGet("/conversations/{conversationId}", Reconnect);
        dl.MapGet("/conversations/{conversationId}/activities", GetActivities);
        dl.MapPost("/conversations/{conversationId}/activities", PostActivity).RequireRateLimiting(DirectLineRateLimits.PostsPolicy)
            .WithBodyLimit(MaxActivityBytes, TooLarge);
        dl.MapPost("/conversations/{conversationId}/upload", (HttpContext http) =>
            Error(http, 415, "BadArgument", "file uploads are not supported by this bot"));
        dl.Map("/conversations/{conversationId}/stream", Stream);
        dl.MapPost("/connector/{key}/v3/conversations/{conversationId}/activities/{replyToId}", FromBot).WithBodyLimit(MaxActivityBytes * 4, TooLarge);
        dl.MapPost("/connector/{key}/v3/conversations/{conversationId}/activities", FromBot).WithBodyLimit(MaxActivityBytes * 4, TooLarge);
        // The website's backend: the page asks here for a token; the secret never leaves the server.
        app.MapPost("/api/webchat/token", WebsiteToken).DisableAntiforgery();
        return app;
    }

    private static async Task Generate(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens)
    {
        if (!secret.Matches(Bearer(http)))
        {
            await Error(http, 401, "Unauthorized", "the Direct Line secret is missing or wrong");
            return;
        }
        var body = await ReadJson(http);
        var userId = body?["user"]?["id"]?.Value<string>();
        if (userId is not null && !ValidUserId(userId))
        {
            await Error(http, 400, "BadArgument", "user.id must be 1-64 letters, digits or - _ : . @");
            return;
        }
        var conversationId = NewConversationId();
        var user = userId ?? "dl_" + Guid.NewGuid().ToString("N");
        await Json(http, 200, new JObject
        {
            ["conversationId"] = conversationId,
            ["token"] = tokens.Issue(conversationId, user, verified: userId is not null),
            ["expires_in"] = tokens.LifetimeSeconds,
        });
    }

    private static async Task WebsiteToken(HttpContext http, DirectLineTokens tokens)
    {
        var conversationId = NewConversationId();
        var user = "dl_" + Guid.NewGuid().ToString("N");
        await Json(http, 200, new JObject
        {
            ["conversationId"] = conversationId,
            ["token"] = tokens.Issue(conversationId, user, verified: false),
            ["expires_in"] = tokens.LifetimeSeconds,
            ["userId"] = user,
        });
    }

    private static async Task Refresh(HttpContext http, DirectLineTokens tokens)
    {
        var (claims, problem) = await tokens.ValidateAsync(Bearer(http));
        if (claims is null)
        {
            await TokenError(http, problem!);
            return;
        }
        await Json(http, 200, new JObject
        {
            ["conversationId"] = claims.ConversationId,
            ["token"] = tokens.Issue(claims.ConversationId, claims.UserId, claims.Verified),
            ["expires_in"] = tokens.LifetimeSeconds,
        });
    }

    private static async Task StartConversation(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, DirectLineChannel channel)
    {
        TokenClaims? claims;
        if (secret.Matches(Bearer(http)))
        {
            claims = new TokenClaims(NewConversationId(), "dl_" + Guid.NewGuid().ToString("N"), false, DateTimeOffset.MaxValue);
        }
        else
        {
            (claims, var problem) = await tokens.ValidateAsync(Bearer(http));
            if (claims is null)
            {
                await TokenError(http, problem!);
                return;
            }
        }
        var conversation = channel.Start(claims);
        await Json(http, 201, ConversationReply(http, tokens, conversation, claims));
    }

    private static async Task Reconnect(HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineStore store)
    {
        if (await Authorize(http, tokens, conversationId) is not { } claims) return;
        if (store.Get(conversationId) is not { } conversation)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        await Json(http, 200, ConversationReply(http, tokens, conversation, claims));
    }

    private static async Task GetActivities(HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineStore store)
    {
        if (await Authorize(http, tokens, conversationId) is null) return;
        var watermark = ParseWatermark(http.Request.Query["watermark"]);
        try
        {
            if (store.Get(conversationId) is null)
            {
                await Error(http, 404, "BadArgument", "conversation not found");
                return;
            }
            var activities = store.After(conversationId, watermark);
            http.Response.StatusCode = 200;
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(PageJson(activities, watermark));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failed poll stops Web Chat's client for good: answer "nothing new" and let it poll again.
            await Json(http, 200, new JObject { ["activities"] = new JArray(), ["watermark"] = watermark.ToString() });
        }
    }

    private static async Task PostActivity(HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineStore store,
        DirectLineChannel channel)
    {
        if (await Authorize(http, tokens, conversationId) is null) return;
        if (store.Get(conversationId) is not { } conversation)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        var activity = await ReadJson(http);
        if (activity is null)
        {
            await Error(http, 400, "BadArgument", "the body must be one activity as a JSON object");
            return;
        }
        activity["type"] ??= "message";
        if (activity["text"] is { } text && text.Type is not (JTokenType.String or JTokenType.Null))
        {
            await Error(http, 400, "BadArgument", "'text' must be a string");
            return;
        }
        var id = channel.FromCustomer(conversation, activity);
        await Json(http, 200, new JObject { ["id"] = id });
    }

    private static async Task FromBot(HttpContext http, string key, string conversationId, DirectLineChannel channel)
    {
        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(channel.ConnectorKey)))
        {
            await Error(http, 401, "Unauthorized", "unknown connector key");
            return;
        }
        var activity = await ReadJson(http);
        if (activity is null)
        {
            await Error(http, 400, "BadArgument", "the body must be one activity");
            return;
        }
        var id = channel.FromBot(Uri.UnescapeDataString(conversationId), activity);
        if (id is null)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        await Json(http, 200, new JObject { ["id"] = id });
    }

    private static async Task Stream(HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineStore store,
        IHostApplicationLifetime lifetime)
    {
        // Browsers cannot set headers on a socket: the token comes in the query string.
        var (claims, problem) = await tokens.ValidateAsync(http.Request.Query["t"]);
        if (claims is null)
        {
            await TokenError(http, problem!);
            return;
        }
        if (claims.ConversationId != conversationId)
        {
            await Error(http, 403, "Forbidden", "the token is for another conversation");
            return;
        }
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Error(http, 400, "BadArgument", "a WebSocket request is expected");
            return;
        }
        if (store.Get(conversationId) is null)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        var watermark = ParseWatermark(http.Request.Query["watermark"]);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var reading = DrainAsync(socket, closing); // the client sends "" every 20 s; a close ends the stream
        // Cancelling a pending receive would abort the socket: the host's stop only ends the sending side, then says goodbye.
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(closing.Token, lifetime.ApplicationStopping);
        try
        {
            while (!streaming.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var activities = store.After(conversationId, watermark);
                if (activities.Count > 0)
                {
                    var bytes = Encoding.UTF8.GetBytes(PageJson(activities, watermark));
                    watermark = activities[^1].Seq;
                    await socket.SendAsync(bytes, WebSocketMessageType.Text, true, streaming.Token);
                    continue;
                }
                await store.ChangedAsync(conversationId, watermark, streaming.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        if (lifetime.ApplicationStopping.IsCancellationRequested) await SayGoodbyeAsync(socket, reading);
        await reading;
    }

    /// <summary>
    /// Closes the stream because the host is stopping (1001, "going away"): Web Chat reconnects when the bot is back,
    /// and the host does not wait for the socket until its shutdown timeout.
    /// </summary>
    private static async Task SayGoodbyeAsync(WebSocket socket, Task reading)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "the bot is restarting", timeout.Token);
            }
            await reading.WaitAsync(TimeSpan.FromSeconds(2)); // the client's answering close frame
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or TimeoutException) { }
        socket.Abort();
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            await closing.CancelAsync();
        }
    }

    private static JObject ConversationReply(HttpContext http, DirectLineTokens tokens, DirectLineConversation conversation, TokenClaims claims)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.Verified);
        var scheme = http.Request.IsHttps ? "wss" : "ws";
        var stream = $"{scheme}://{http.Request.Host}{http.Request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversation.Id)}/stream?t={token}";
        return new JObject
        {
            ["conversationId"] = conversation.Id,
            ["token"] = token,
            ["expires_in"] = tokens.LifetimeSeconds,
            ["streamUrl"] = stream,
        };
    }

    /// <summary><c>{"activities":[…],"watermark":"N"}</c>, written from the stored JSON without parsing it again.</summary>
    private static string PageJson(IReadOnlyList<DirectLineActivity> activities, int watermark) =>
        $"{{\"activities\":[{string.Join(',', activities.Select(a => a.Json))}],\"watermark\":\"{(activities.Count > 0 ? activities[^1].Seq : watermark)}\"}}";

    private static async Task<TokenClaims?> Authorize(HttpContext http, DirectLineTokens tokens, string conversationId)
    {
        var (claims, problem) = await tokens.ValidateAsync(Bearer(http));
        if (claims is null)
        {
            await TokenError(http, problem!);
            return null;
        }
        if (claims.ConversationId != conversationId)
        {
            await Error(http, 403, "Forbidden", "the token is for another conversation");
            return null;
        }
        return claims;
    }

    private static Task TokenError(HttpContext http, string problem) => problem == "token expired"
        ? Error(http, 403, "TokenExpired", "the token has expired")
        : Error(http, 401, "Unauthorized", problem);

    private static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    private static int ParseWatermark(string? text) => int.TryParse(text, out var w) && w > 0 ? w : 0;

    private static bool ValidUserId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@');

    // Lower-case hex: LiteDB compares keys without regard to case.
    private static string NewConversationId() => Guid.NewGuid().ToString("N") + "-dl";

    /// <summary>The body as a JSON object, or null; its size is limited by the endpoint's <see cref="RequestBodyLimit"/>.</summary>
    private static async Task<JObject?> ReadJson(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (buffer.Length == 0) return null;
        try
        {
            return JToken.Parse(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length)) as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Task Json(HttpContext http, int status, JObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToString(Formatting.None));
    }

    private static Task TooLarge(HttpContext http, long maxBytes) =>
        Error(http, 413, "MessageSizeTooBig", $"a request here may have at most {maxBytes} bytes");

    private static Task Error(HttpContext http, int status, string code, string message) =>
        Json(http, status, new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } });
}
