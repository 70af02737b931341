using Microsoft.AspNetCore.Http.HttpResults;
using SmbBot.Core.Tickets;

namespace SmbBot.Host;

/// <summary>What the website's chat widget shows about people being there.</summary>
public static class WebChatStatusEndpoints
{
    /// <summary>Maps <c>GET /api/webchat/status</c>: open or offline and when a person replies; no personal data.</summary>
    public static IEndpointRouteBuilder MapWebChatStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/webchat/status", Ok<ChatAvailability> (HttpContext http, TicketRouting routing, TimeProvider clock) =>
        {
            http.Response.Headers.CacheControl = "no-store";
            return TypedResults.Ok(ChatAvailability.At(clock.GetUtcNow().UtcDateTime, routing));
        });
        return app;
    }
}
