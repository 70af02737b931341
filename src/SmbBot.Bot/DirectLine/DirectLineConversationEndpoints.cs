using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SmbBot.Core.DirectLine;
using static SmbBot.Bot.DirectLine.DirectLineHttp;

namespace SmbBot.Bot.DirectLine;

/// <summary>Starting and resuming conversations, reading them by watermark and posting the customer's activities.</summary>
internal static class DirectLineConversationEndpoints
{
    public static async Task Start(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens, DirectLineAccess access,
        DirectLineChannel channel, StreamUrls streams)
    {
        TokenClaims? claims;
        if (secret.Matches(Bearer(http)))
        {
            claims = new TokenClaims(DirectLineTokenEndpoints.NewConversationId(), "dl_" + Guid.NewGuid().ToString("N"), false, DateTimeOffset.MaxValue);
        }
        else
        {
            (claims, _) = await access.CheckAsync(http, Bearer(http));
            if (claims is null) return;
        }
        if (streams.Root(http) is not { } root)
        {
            await UntrustedHost(http);
            return;
        }
        if (channel.Start(claims) is not { } conversation)
        {
            await StoreFull(http);
            return;
        }
        await Reply(http, 201, tokens, root, conversation);
    }

    public static async Task Reconnect(HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineAccess access, StreamUrls streams)
    {
        var (claims, conversation) = await access.CheckAsync(http, Bearer(http), conversationId);
        if (claims is null) return;
        if (conversation is null)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        if (streams.Root(http) is not { } root)
        {
            await UntrustedHost(http);
            return;
        }
        await Reply(http, 200, tokens, root, conversation);
    }

    public static async Task GetActivities(HttpContext http, string conversationId, DirectLineAccess access, IDirectLineStore store, DirectLineOptions options,
        DirectLinePresence presence)
    {
        var (claims, conversation) = await access.CheckAsync(http, Bearer(http), conversationId);
        if (claims is null) return;
        if (conversation is null)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        var watermark = ParseWatermark(http.Request.Query["watermark"]);
        DirectLinePage page;
        try
        {
            page = DirectLinePage.Read(store, options, conversationId, watermark);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One failed poll stops Web Chat's client for good: answer "nothing new" and let it poll again.
            page = new DirectLinePage([], watermark);
        }
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        await page.WriteAsync((bytes, _, cancel) => http.Response.Body.WriteAsync(bytes, cancel), http.RequestAborted);
        presence.Fetched(conversationId, page.Watermark);
    }

    public static async Task Post(HttpContext http, string conversationId, DirectLineAccess access, DirectLineChannel channel, DirectLineOptions options)
    {
        var (claims, conversation) = await access.CheckAsync(http, Bearer(http), conversationId);
        if (claims is null) return;
        if (conversation is null)
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
        if (ActivityShape.Problem(activity) is { } problem)
        {
            await Error(http, 400, "BadArgument", problem);
            return;
        }
        var stored = channel.FromCustomer(conversation, activity);
        if (stored.Outcome != AppendOutcome.Stored)
        {
            await Refused(http, stored.Outcome, options);
            return;
        }
        await Json(http, 200, new JObject { ["id"] = DirectLineChannel.Id(conversationId, stored.Seq) });
    }

    /// <summary>The conversation with a fresh token (Web Chat always adopts it) and where its stream is.</summary>
    private static Task Reply(HttpContext http, int status, DirectLineTokens tokens, string streamRoot, DirectLineConversation conversation)
    {
        var token = tokens.Issue(conversation.Id, conversation.UserId, conversation.Verified, conversation.TokenGeneration);
        return Json(http, status, new JObject
        {
            ["conversationId"] = conversation.Id,
            ["token"] = token,
            ["expires_in"] = tokens.LifetimeSeconds,
            ["streamUrl"] = StreamUrls.For(streamRoot, conversation.Id, token),
        });
    }

    private static Task UntrustedHost(HttpContext http) =>
        Error(http, 400, "BadArgument", "this server does not answer to the request's Host; its operator sets DirectLine:PublicUrl");
}
