using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;
using SmbBot.Core.DirectLine;
using static SmbBot.Bot.DirectLine.DirectLineHttp;

namespace SmbBot.Bot.DirectLine;

/// <summary>Issuing tokens: to the business's backend (with the secret), to the website's page, and by refresh.</summary>
internal static class DirectLineTokenEndpoints
{
    public static async Task Generate(HttpContext http, DirectLineSecret secret, DirectLineTokens tokens)
    {
        if (!secret.Matches(Bearer(http)))
        {
            await Error(http, 401, "Unauthorized", "the Direct Line secret is missing or wrong");
            return;
        }
        var body = await ReadJson(http);
        var given = (body?["user"] as JObject)?["id"];
        var userId = given?.Type == JTokenType.String ? (string?)given : null;
        if (body?["user"] is { Type: not (JTokenType.Object or JTokenType.Null) } || given is { Type: not (JTokenType.String or JTokenType.Null) }
            || userId is not null && !ValidUserId(userId))
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

    public static async Task WebsiteToken(HttpContext http, DirectLineTokens tokens)
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

    /// <summary>A token of the conversation's next generation; every earlier token of it stops working.</summary>
    public static async Task Refresh(HttpContext http, DirectLineTokens tokens, DirectLineAccess access, IDirectLineStore store)
    {
        var (claims, conversation) = await access.CheckAsync(http, Bearer(http));
        if (claims is null) return;
        if (conversation is null)
        {
            await Error(http, 404, "BadArgument", "conversation not found; start it before refreshing its token");
            return;
        }
        if (store.RenewTokenGeneration(claims.ConversationId, claims.Generation) is not { } generation)
        {
            await Error(http, 403, "TokenExpired", "the token was replaced when it was refreshed; use the newer one");
            return;
        }
        await Json(http, 200, new JObject
        {
            ["conversationId"] = claims.ConversationId,
            ["token"] = tokens.Issue(claims.ConversationId, claims.UserId, claims.Verified, generation),
            ["expires_in"] = tokens.LifetimeSeconds,
        });
    }

    private static bool ValidUserId(string id) =>
        id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.' or '@');

    // Lower-case hex: LiteDB compares keys without regard to case.
    public static string NewConversationId() => Guid.NewGuid().ToString("N") + "-dl";
}
