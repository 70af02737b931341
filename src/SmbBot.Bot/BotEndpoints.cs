using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SmbBot.Core.Routing;

namespace SmbBot.Bot;

/// <summary>The Bot Framework messaging endpoint.</summary>
public static partial class BotEndpoints
{
    /// <summary>Maps <c>POST /api/messages</c>.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).DisableAntiforgery().WithBodyLimit(IncomingActivityCheck.MaxBytes,
            (http, max) => Reject(http, StatusCodes.Status413PayloadTooLarge, $"an activity may have at most {max} bytes"));
        if (!app.ServiceProvider.GetRequiredService<SmbBotAuthentication>().Enabled)
            LogEmulatorOnly(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotEndpoints)));
        return app;
    }

    private static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot,
        ITurnUnderstanding understanding, SmbBotAuthentication auth, SmbBot.Core.StoreFaults storeFaults)
    {
        if (!auth.Enabled && http.Request.Headers.Authorization.Count > 0)
        {
            await Reject(http, StatusCodes.Status401Unauthorized,
                "this bot has no MicrosoftAppId configured and accepts no Authorization header");
            return;
        }
        if (MessagesEndpointAccess.CallerProblem(auth.Enabled, http) is { } callerProblem)
        {
            await Reject(http, StatusCodes.Status403Forbidden, callerProblem, "Forbidden");
            return;
        }
        http.Request.EnableBuffering(bufferThreshold: 64 * 1024);
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var incoming = IncomingActivityCheck.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        if (incoming.Problem is { } problem)
        {
            await Reject(http, StatusCodes.Status400BadRequest, problem);
            return;
        }
        if (MessagesEndpointAccess.ServiceUrlProblem(auth.Enabled, incoming.ServiceUrl!) is { } urlProblem)
        {
            await Reject(http, StatusCodes.Status403Forbidden, urlProblem, "Forbidden");
            return;
        }
        if (!understanding.IsReady)
        {
            http.Response.Headers.RetryAfter = "5";
            await Reject(http, StatusCodes.Status503ServiceUnavailable, "the bot is still starting");
            return;
        }
        http.Request.Body.Position = 0;
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        catch (Exception e) when (e is HttpRequestException or Microsoft.Rest.RestException && !http.Response.HasStarted)
        {
            // The turn ran, but its reply could not be posted to the caller's serviceUrl (Emulator closed, wrong port,
            // or the channel answered the post with an error).
            await Reject(http, StatusCodes.Status502BadGateway,
                "the bot's reply could not be delivered to the activity's 'serviceUrl'; is Emulator still listening there?", "ServiceUrlUnreachable");
        }
        catch (Exception e) when (storeFaults.Unavailable(e) is not null && !http.Response.HasStarted)
        {
            // Logged by the adapter's turn error handler, which also sent the apology where it could.
            http.Response.Headers.RetryAfter = "5";
            await Reject(http, StatusCodes.Status503ServiceUnavailable, "the bot cannot reach its database right now; nothing was kept, try again shortly", "DatabaseUnavailable");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message =
        "No MicrosoftAppId is set: /api/messages serves Bot Framework Emulator on this machine only (calls from elsewhere, " +
        "through a proxy or with a serviceUrl off this machine get 403); the website chat uses the built-in Direct Line channel")]
    private static partial void LogEmulatorOnly(ILogger logger);

    private static Task Reject(HttpContext http, int status, string reason, string code = "BadArgument")
    {
        http.Response.StatusCode = status;
        return http.Response.WriteAsJsonAsync(new { error = new { code, message = reason } });
    }
}
