using System.Threading.RateLimiting;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The buckets that outlive one rate-limiting partition: for everyone together (tokens, conversation starts), and per
/// client address for posts (shared by all conversations from that address). Each is a token bucket holding a
/// minute's allowance and refilled evenly.
/// </summary>
public sealed class SharedRateLimits : IDisposable
{
    public const string Tokens = "tokens";
    public const string Starts = "starts";

    public SharedRateLimits(DirectLineOptions options)
    {
        Everyone = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => PerMinute(key switch
        {
            Tokens => options.TokensPerMinute,
            _ => options.StartsPerMinute,
        })));
        PostsByAddress = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.Get(address, _ => PerMinute(options.PostsPerAddressPerMinute)));
    }

    /// <summary>Keyed <see cref="Tokens"/> or <see cref="Starts"/>.</summary>
    public PartitionedRateLimiter<string> Everyone { get; }

    /// <summary>Keyed by <see cref="ClientAddress.Key"/>.</summary>
    public PartitionedRateLimiter<string> PostsByAddress { get; }

    /// <summary>A bucket of <paramref name="perMinute"/> permits, refilled one at a time over a minute.</summary>
    public static TokenBucketRateLimiter PerMinute(int perMinute) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
        QueueLimit = 0,
        AutoReplenishment = true,
    });

    public void Dispose()
    {
        Everyone.Dispose();
        PostsByAddress.Dispose();
    }
}

/// <summary>
/// A partition's own bucket chained with a shared one (<see cref="RateLimiter.CreateChained"/>): both must grant a
/// request. The partition is idle, and disposed by the rate limiter, as its own bucket is; the shared one is neither
/// kept alive by it nor disposed with it (a chained limiter disposes none of its parts, and a token bucket's timer
/// would otherwise outlive its partition).
/// </summary>
public sealed class ChainedWithShared(RateLimiter own, PartitionedRateLimiter<string> shared, string sharedKey) : RateLimiter
{
    private readonly RateLimiter _chain = CreateChained(own, new SharedView(shared, sharedKey));

    public override TimeSpan? IdleDuration => own.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => own.GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(int permitCount) => _chain.AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        _chain.AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (!disposing) return;
        _chain.Dispose();
        own.Dispose();
    }

    // The partitioned limiter disposes an idle partition with DisposeAsync, whose default does nothing here (it ends
    // in Dispose(false)): without this the own bucket's replenishing timer, and with it the bucket and the request it
    // was created in, stayed alive, one per conversation, for the life of the process.
    protected override async ValueTask DisposeAsyncCore()
    {
        await _chain.DisposeAsync();
        await own.DisposeAsync();
    }

    private sealed class SharedView(PartitionedRateLimiter<string> shared, string key) : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => shared.GetStatistics(key);

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => shared.AttemptAcquire(key, permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            shared.AcquireAsync(key, permitCount, cancellationToken);
    }
}
