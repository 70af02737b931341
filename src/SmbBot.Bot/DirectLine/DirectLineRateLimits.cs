using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The channel's rate limits (ASP.NET Core rate limiting), each a token bucket refilled evenly over a minute:
/// tokens and conversation starts per client address and for everyone together; posts per conversation
/// (<see cref="DirectLineOptions.PostBurst"/>, <see cref="DirectLineOptions.PostsPerMinute"/>) and per address.
/// Beyond a limit: 429 with <c>Retry-After</c>.
/// </summary>
public static class DirectLineRateLimits
{
    /// <summary>The policy of the post route.</summary>
    public const string PostsPolicy = "directline-posts";

    /// <summary>The policy of the token routes.</summary>
    public const string TokensPolicy = "directline-tokens";

    /// <summary>The policy of the conversation-start route.</summary>
    public const string StartsPolicy = "directline-starts";

    private static readonly Dictionary<string, string> Reasons = new()
    {
        [PostsPolicy] = "too many messages; wait a moment",
        [TokensPolicy] = "too many chat tokens asked for; wait a moment",
        [StartsPolicy] = "too many conversations started; wait a moment",
    };

    /// <summary>Adds the rate limiter with the channel's policies.</summary>
    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SharedRateLimits>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PostsPolicy, PostsPartition);
            limiter.AddPolicy(TokensPolicy, http => AddressPartition(http, SharedRateLimits.Tokens, o => o.TokensPerAddressPerMinute));
            limiter.AddPolicy(StartsPolicy, http => AddressPartition(http, SharedRateLimits.Starts, o => o.StartsPerAddressPerMinute));
            // One handler for every policy, including ones other parts of the host add: the error body callers understand.
            limiter.OnRejected = async (context, cancel) =>
            {
                var response = context.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 2;
                response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var policy = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;
                var message = policy is not null && Reasons.TryGetValue(policy, out var reason) ? reason : "too many requests; wait a moment";
                await response.WriteAsJsonAsync(new { error = new { code = "TooManyRequests", message } }, cancel);
            };
        });
    }

    // A token binds one conversation to one user, so the conversation in the route, with the token's signature, is the
    // customer's bucket. The limiter runs before the token is checked: keying on the signature too means that posts
    // with a forged or foreign token (refused with 401/403 by the route) fill a bucket of their own, never the
    // customer's. Requests without a bearer are refused by the route itself and take nothing. The address's bucket
    // then bounds what many conversations from one client post together.
    private static RateLimitPartition<string> PostsPartition(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        if (http.Request.RouteValues["conversationId"] is not string conversationId || !authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var signature = authorization[(authorization.LastIndexOf('.') + 1)..];
        var key = $"{conversationId}|{(signature.Length > 64 ? signature[..64] : signature)}";
        var options = http.RequestServices.GetRequiredService<DirectLineOptions>();
        var shared = http.RequestServices.GetRequiredService<SharedRateLimits>();
        var address = ClientAddress.Key(http.Connection.RemoteIpAddress);
        return RateLimitPartition.Get(key, _ => new ChainedWithShared(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.PostBurst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / options.PostsPerMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        }), shared.PostsByAddress, address));
    }

    // The address's own bucket, then everyone's: one client cannot use up what the others share.
    private static RateLimitPartition<string> AddressPartition(HttpContext http, string what, Func<DirectLineOptions, int> perAddressPerMinute)
    {
        var options = http.RequestServices.GetRequiredService<DirectLineOptions>();
        var shared = http.RequestServices.GetRequiredService<SharedRateLimits>();
        return RateLimitPartition.Get($"{what}|{ClientAddress.Key(http.Connection.RemoteIpAddress)}",
            _ => new ChainedWithShared(SharedRateLimits.PerMinute(perAddressPerMinute(options)), shared.Everyone, what));
    }
}
