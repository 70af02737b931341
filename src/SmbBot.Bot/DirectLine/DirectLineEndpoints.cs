using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

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
        var dl = app.MapGroup("/v3/directline").DisableAntiforgery().AddEndpointFilter(ConversationIdCheck.FilterAsync);
        dl.MapPost("/tokens/generate", DirectLineTokenEndpoints.Generate).WithBodyLimit(16 * 1024, DirectLineHttp.TooLarge)
            .RequireRateLimiting(DirectLineRateLimits.TokensPolicy);
        dl.MapPost("/tokens/refresh", DirectLineTokenEndpoints.Refresh);
        dl.MapPost("/conversations", DirectLineConversationEndpoints.Start).RequireRateLimiting(DirectLineRateLimits.StartsPolicy);
        dl.MapGet("/conversations/{conversationId}", DirectLineConversationEndpoints.Reconnect);
        dl.MapGet("/conversations/{conversationId}/activities", DirectLineConversationEndpoints.GetActivities);
        dl.MapPost("/conversations/{conversationId}/activities", DirectLineConversationEndpoints.Post)
            .RequireRateLimiting(DirectLineRateLimits.PostsPolicy).WithBodyLimit(MaxActivityBytes, DirectLineHttp.TooLarge);
        dl.MapPost("/conversations/{conversationId}/upload", (HttpContext http) =>
            DirectLineHttp.Error(http, 415, "BadArgument", "file uploads are not supported by this bot"));
        dl.Map("/conversations/{conversationId}/stream", DirectLineStreamEndpoint.Stream);
        dl.MapPost("/connector/{key}/v3/conversations/{conversationId}/activities/{replyToId}", DirectLineConnectorEndpoint.FromBot)
            .WithBodyLimit(MaxActivityBytes * 4, DirectLineHttp.TooLarge);
        dl.MapPost("/connector/{key}/v3/conversations/{conversationId}/activities", DirectLineConnectorEndpoint.FromBot)
            .WithBodyLimit(MaxActivityBytes * 4, DirectLineHttp.TooLarge);
        // The website's backend: the page asks here for a token; the secret never leaves the server.
        app.MapPost("/api/webchat/token", DirectLineTokenEndpoints.WebsiteToken).DisableAntiforgery()
            .RequireRateLimiting(DirectLineRateLimits.TokensPolicy);
        return app;
    }
}
