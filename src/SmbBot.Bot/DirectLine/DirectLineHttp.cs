using System.Text;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using SmbBot.Core.DirectLine;

namespace SmbBot.Bot.DirectLine;

/// <summary>Reading requests and writing answers the way Direct Line clients expect them.</summary>
internal static class DirectLineHttp
{
    /// <summary>The bearer token of the request, or null.</summary>
    public static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;
    }

    public static int ParseWatermark(string? text) => int.TryParse(text, out var w) && w > 0 ? w : 0;

    /// <summary>The body as a JSON object, or null; its size is limited by the endpoint's <see cref="RequestBodyLimit"/>.</summary>
    public static async Task<JObject?> ReadJson(HttpContext http)
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

    public static Task Json(HttpContext http, int status, JObject body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(body.ToString(Formatting.None));
    }

    /// <summary><c>{"error":{"code":…,"message":…}}</c>, the shape Direct Line clients read.</summary>
    public static Task Error(HttpContext http, int status, string code, string message) =>
        Json(http, status, new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } });

    public static Task TooLarge(HttpContext http, long maxBytes) =>
        Error(http, 413, "MessageSizeTooBig", $"a request here may have at most {maxBytes} bytes");

    /// <summary>The answer to an activity the store refused (quota) or could not place (no conversation).</summary>
    public static Task Refused(HttpContext http, AppendOutcome outcome, DirectLineOptions options)
    {
        return outcome switch
        {
            AppendOutcome.ConversationFull => Error(http, 413, "ConversationQuotaExceeded",
                $"this conversation has stored its limit of {options.ConversationQuotaMegabytes} MB; start a new conversation"),
            AppendOutcome.StoreFull => StoreFull(http),
            _ => Error(http, 404, "BadArgument", "conversation not found"),
        };
    }

    public static Task StoreFull(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "600";
        return Error(http, 429, "StorageQuotaExceeded", "the chat is storing all it may at the moment; try again later");
    }
}
