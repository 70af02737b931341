using System.Text;
using Microsoft.AspNetCore.Http;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The conversation id in a Direct Line route, checked before any route uses it: a storage key is at most 1,023 bytes
/// and must be text, so an id beyond either failed with 500 deep in the store.
/// </summary>
public static class ConversationIdCheck
{
    /// <summary>Most UTF-8 bytes of an id; the channel's own are 35, Azure's a few dozen.</summary>
    public const int MaxBytes = 256;

    /// <summary>Null when <paramref name="id"/> can be a conversation id, otherwise why not.</summary>
    public static string? Problem(string id)
    {
        if (id.Length == 0) return "the conversation id is empty";
        for (int i = 0; i < id.Length; i++)
        {
            if (char.IsHighSurrogate(id[i]) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1])) i++;
            else if (char.IsSurrogate(id[i])) return "the conversation id is not valid text (a lone surrogate)";
            else if (char.IsControl(id[i])) return "the conversation id contains a control character";
            // Ids are the channel's own (hex and -dl); '%' would be an escape the server could not decode (invalid UTF-8).
            else if (id[i] is '%' or '/' or '\\') return "the conversation id contains '%', '/' or '\\'";
        }
        return Encoding.UTF8.GetByteCount(id) > MaxBytes ? $"the conversation id is longer than {MaxBytes} bytes" : null;
    }

    /// <summary>Answers 400 on a route whose <c>conversationId</c> (as given, and unescaped) is not one.</summary>
    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.Request.RouteValues["conversationId"] is string id
            && (Problem(id) ?? Problem(Uri.UnescapeDataString(id))) is { } problem)
        {
            await DirectLineHttp.Error(http, 400, "BadArgument", problem);
            return Results.Empty;
        }
        return await next(context);
    }
}
