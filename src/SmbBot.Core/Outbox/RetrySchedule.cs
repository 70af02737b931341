namespace SmbBot.Core.Outbox;

/// <summary>Back-off between tries: doubles from the first wait up to the longest.</summary>
public static class RetrySchedule
{
    /// <summary>The wait after failure number <paramref name="attempts"/> (1 = the first failure).</summary>
    public static TimeSpan After(int attempts, TimeSpan first, TimeSpan longest)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var wait = first.TotalSeconds * Math.Pow(2, doublings);
        return TimeSpan.FromSeconds(Math.Min(wait, longest.TotalSeconds));
    }
}
