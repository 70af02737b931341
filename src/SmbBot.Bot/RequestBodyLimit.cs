using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace SmbBot.Bot;

/// <summary>The largest request body an endpoint accepts, enforced by the server, and the 413 its callers understand.</summary>
public static class RequestBodyLimit
{
    /// <summary>
    /// Limits request bodies of the endpoint to <paramref name="maxBytes"/>; a larger one is answered by
    /// <paramref name="tooLarge"/> (which sets 413).
    /// </summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder endpoint, long maxBytes, Func<HttpContext, long, Task> tooLarge)
        where TBuilder : IEndpointConventionBuilder
    {
        // Routing hands this limit to the server (IHttpMaxRequestBodySizeFeature); Kestrel then refuses a body over it
        // while it is read, whether or not it declared its length.
        endpoint.WithMetadata(new RequestSizeLimitAttribute(maxBytes));
        return endpoint.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            // The in-memory test server has no such feature: there only the declared length can be checked.
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is null && http.Request.ContentLength > maxBytes)
            {
                await tooLarge(http, maxBytes);
                return Results.Empty;
            }
            try
            {
                return await next(context);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge && !http.Response.HasStarted)
            {
                await tooLarge(http, maxBytes);
                return Results.Empty;
            }
        });
    }
}
