using System.Collections.Concurrent;

namespace SmbBot.Bot.DirectLine;

/// <summary>A token bucket per conversation: a burst of posts, then a sustained rate; beyond that, 429.</summary>
public sealed class PostRateLimiter(DirectLineOptions options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    /// <summary>True when <paramref name="key"/> may post now; takes one token.</summary>
    public bool TryTake(string key)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_buckets.Count > 100_000) _buckets.Clear(); // bounded memory under a flood of conversations
        var bucket = _buckets.GetOrAdd(key, _ => new Bucket(options.PostBurst, now));
        lock (bucket)
        {
            var refill = (now - bucket.At).TotalMinutes * options.PostsPerMinute;
            bucket.Tokens = Math.Min(options.PostBurst, bucket.Tokens + refill);
            bucket.At = now;
            if (bucket.Tokens < 1) return false;
            bucket.Tokens -= 1;
            return true;
        }
    }

    private sealed class Bucket(double tokens, DateTime at)
    {
        public double Tokens { get; set; } = tokens;
        public DateTime At { get; set; } = at;
    }
}
