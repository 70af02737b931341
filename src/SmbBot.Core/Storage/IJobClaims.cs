namespace SmbBot.Core.Storage;

/// <summary>
/// Which host runs a periodic job's pass. Every host runs the same timers; before a pass, a host claims the job for
/// this interval, and only the one that gets it runs the pass, so janitors and alert checks run once per interval, not
/// once per host.
/// </summary>
public interface IJobClaims
{
    /// <summary>True when this host should run <paramref name="job"/>'s pass now (no other host ran it in the last interval).</summary>
    bool TryClaim(string job, DateTime now, TimeSpan every);
}

/// <summary>One host (the LiteDB default): every pass is this host's.</summary>
public sealed class SingleHostJobClaims : IJobClaims
{
    /// <inheritdoc/>
    public bool TryClaim(string job, DateTime now, TimeSpan every) => true;
}
