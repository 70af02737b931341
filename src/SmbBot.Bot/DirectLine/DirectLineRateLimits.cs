using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// A token bucket per conversation for customers' posts: <see cref="DirectLineOptions.PostBurst"/> at once, then
/// <see cref="DirectLineOptions.PostsPerMinute"/>; beyond that, 429.
/// </summary>
public static class DirectLineRateLimits
{
    /// <summary>The policy name the post route asks for.</summary>
    public const string PostsPolicy = "directline-posts";

    /// <summary>Adds the rate limiter with the posts policy.</summary>
    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services) => services.AddRateLimiter(limiter =>
    {
        limiter.AddPolicy(PostsPolicy, PostsPartition);
        limiter.OnRejected = async (context, cancel) =>
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = "2";
            await response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message = "too many messages; wait a moment" } }, cancel);
        };
    });

    // A token binds one conversation to one user, so the conversation in the route, with the token's signature, is the
    // customer's bucket. The limiter runs before the token is checked: keying on the signature too means that posts
    // with a forged or foreign token (refused with 401/403 by the route) fill a bucket of their own, never the
    // customer's. Requests without a bearer are refused by the route itself and take nothing.
    private static RateLimitPartition<string> PostsPartition(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (http.Request.RouteValues["conversationId"] is not string conversationId || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var signature = authorization[(authorization.LastIndexOf('.') + 1)..];
        var key = $"{conversationId}|{(signature.Length > 64 ? signature[..64] : signature)}";
        var options = http.RequestServices.GetRequiredService<DirectLineOptions>();
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.PostBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.PostsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
