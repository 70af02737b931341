using Microsoft.AspNetCore.Http;
using SmbBot.Core.DirectLine;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// Who may use a conversation: the holder of a valid token for it, of the conversation's current token generation
/// (a refresh replaces every earlier token, so a leaked or superseded one stops working).
/// </summary>
public sealed class DirectLineAccess(DirectLineTokens tokens, IDirectLineStore store)
{
    /// <summary>
    /// The claims of <paramref name="token"/> and the conversation they name (null when it does not exist yet), or the
    /// refusal already written (401 or 403) and null claims.
    /// </summary>
    public async Task<(TokenClaims? Claims, DirectLineConversation? Conversation)> CheckAsync(HttpContext http, string? token, string? conversationId = null)
    {
        var (claims, problem) = await tokens.ValidateAsync(token);
        if (claims is null)
        {
            await (problem == "token expired"
                ? DirectLineHttp.Error(http, 403, "TokenExpired", "the token has expired")
                : DirectLineHttp.Error(http, 401, "Unauthorized", problem!));
            return (null, null);
        }
        if (conversationId is not null && claims.ConversationId != conversationId)
        {
            await DirectLineHttp.Error(http, 403, "Forbidden", "the token is for another conversation");
            return (null, null);
        }
        var conversation = store.Get(claims.ConversationId);
        if (IsReplaced(claims, conversation))
        {
            await DirectLineHttp.Error(http, 403, "TokenExpired", "the token was replaced when it was refreshed; use the newer one");
            return (null, null);
        }
        return (claims, conversation);
    }

    /// <summary>
    /// True when a refresh has replaced the token's generation. Only an older generation is: a conversation removed
    /// while idle and started again begins at the first.
    /// </summary>
    public static bool IsReplaced(TokenClaims claims, DirectLineConversation? conversation) =>
        conversation is not null && claims.Generation < conversation.TokenGeneration;
}
