using System.Threading.RateLimiting;
using SmbBot.Bot.DirectLine;

namespace SmbBot.UnitTests.DirectLine;

/// <summary>A conversation's rate-limit partition lets go of its own bucket when the rate limiter drops it.</summary>
public class ChainedWithSharedTests
{
    private static TokenBucketRateLimiter Bucket() => SharedRateLimits.PerMinute(30);

    [Fact]
    public async Task Disposing_asynchronously_as_the_partitioned_limiter_does_disposes_the_own_bucket_and_not_the_shared_one()
    {
        using var shared = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => Bucket()));
        var own = Bucket();
        var partition = new ChainedWithShared(own, shared, "address");
        Assert.True(partition.AttemptAcquire().IsAcquired);

        await partition.DisposeAsync();

        Assert.Throws<ObjectDisposedException>(() => own.AttemptAcquire());
        Assert.True(shared.AttemptAcquire("address").IsAcquired);
    }

    [Fact]
    public void Disposing_synchronously_disposes_the_own_bucket_too()
    {
        using var shared = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.Get(key, _ => Bucket()));
        var own = Bucket();
        new ChainedWithShared(own, shared, "address").Dispose();

        Assert.Throws<ObjectDisposedException>(() => own.AttemptAcquire());
    }
}
