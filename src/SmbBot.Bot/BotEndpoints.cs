using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Routing;

namespace SmbBot.Bot;

/// <summary>The Bot Framework messaging endpoint.</summary>
public static class BotEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery().WithBodyLimit(IncomingActivityCheck.MaxBytes,
            (http, max) => Reject(http, StatusCodes.Status413PayloadTooLarge, $"an activity may have at most {max} bytes"));
        return app;
    }

    private static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot,
        ITurnUnderstanding understanding, SmbBotAuthentication auth)
    {
        if (!auth.Enabled && http.Request.Headers.Authorization.Count > 0)
        {
            await Reject(http, StatusCodes.Status401Unauthorized,
                "this bot has no MicrosoftAppId configured and accepts no Authorization header");
            return;
        }
        http.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        if (IncomingActivityCheck.Problem(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is { } problem)
        {
            await Reject(http, StatusCodes.Status400BadRequest, problem);
            return;
        }
        if (!understanding.IsReady)
        {
            http.Response.Headers.RetryAfter = "5";
            await Reject(http, StatusCodes.Status503ServiceUnavailable, "the bot is still starting");
            return;
        }
        http.Request.Body.Position = 0;
        await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
    }

    private static Task Reject(HttpContext http, int status, string reason)
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code = "BadArgument", message = reason } });
    }
}
