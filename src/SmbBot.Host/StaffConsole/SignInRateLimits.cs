using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SmbBot.Bot.DirectLine;

namespace SmbBot.Host.StaffConsole;

/// <summary>
/// Rate limits on posting the sign-in form: <see cref="StaffOptions.SignInsPerMinutePerAddress"/> per client address and
/// <see cref="StaffOptions.SignInsPerMinute"/> from everyone together (each sign-in costs a deliberately slow password
/// hash). Beyond either, 429 with a page that says so.
/// </summary>
public static class SignInRateLimits
{
    /// <summary>The policy the sign-in page asks for.</summary>
    public const string Policy = "console-signin";

    public static IServiceCollection AddSignInRateLimits(this IServiceCollection services)
    {
        services.AddSingleton<SignInLimiters>();
        // Its own OnRejected (on the policy), so the rejection page does not depend on, or replace, the rate limiter's
        // shared one that answers the Direct Line routes in JSON.
        return services.AddRateLimiter(limiter => limiter.AddPolicy<string, SignInLimitPolicy>(Policy));
    }
}

/// <summary>The shared all-addresses window (disposed with the host), and a window per address chained to it.</summary>
public sealed class SignInLimiters(IOptions<StaffOptions> options) : IDisposable
{
    private readonly FixedWindowRateLimiter _everyone = PerMinute(options.Value.SignInsPerMinute);

    public RateLimiter ForAddress() => new AddressThenEveryone(PerMinute(options.Value.SignInsPerMinutePerAddress), _everyone);

    public void Dispose() => _everyone.Dispose();

    private static FixedWindowRateLimiter PerMinute(int count) => new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = count,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    /// <summary>
    /// The address's window first, so an address over its own limit takes nothing from everyone's. Disposing it (the
    /// partitioned limiter drops idle addresses) disposes the address's window, never the shared one.
    /// </summary>
    private sealed class AddressThenEveryone(RateLimiter address, RateLimiter everyone) : RateLimiter
    {
        private readonly RateLimiter _both = CreateChained(address, everyone);

        public override TimeSpan? IdleDuration => address.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => address.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => _both.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            _both.AcquireAsync(permitCount, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _both.Dispose();
                address.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>Counts only posts of the sign-in form (not the page itself, nor signing out), by client address.</summary>
public sealed class SignInLimitPolicy(SignInLimiters limiters) : IRateLimiterPolicy<string>
{
    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var request = httpContext.Request;
        // Razor Pages sends any other handler name (or none) to the sign-in handler, so only exactly SignOut is free.
        if (!HttpMethods.IsPost(request.Method) || string.Equals(request.Query["handler"].FirstOrDefault(), "SignOut", StringComparison.OrdinalIgnoreCase))
            return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.Get(ClientAddress.Key(httpContext.Connection.RemoteIpAddress), _ => limiters.ForAddress());
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, cancel) =>
    {
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
        response.Headers.RetryAfter = retry.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.ContentType = "text/html; charset=utf-8";
        await response.WriteAsync(TooManyPage, cancel);
    };

    // Shaped like the sign-in page, with the console's stylesheet; no script, nothing from the request.
    private const string TooManyPage = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Too many sign-in attempts · SmbBot console</title>
          <link rel="stylesheet" href="/css/console.css">
        </head>
        <body>
          <header class="bar"><a class="brand" href="/console">SmbBot console</a></header>
          <main>
            <section class="card narrow">
              <h1>Staff sign-in</h1>
              <p class="error" role="alert">There have been too many sign-in attempts. Wait a minute, then try again.</p>
              <p><a href="/console/signin">Back to sign-in</a></p>
            </section>
          </main>
        </body>
        </html>
        """;
}
