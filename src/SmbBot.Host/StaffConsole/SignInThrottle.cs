using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace SmbBot.Host.StaffConsole;

/// <summary>Failed sign-ins for one e-mail from one client address: how many, and when the last one was.</summary>
public readonly record struct SignInFailures(int Count, DateTime Last);

/// <summary>The growing wait after failed sign-ins.</summary>
public static class SignInBackoff
{
    /// <summary>
    /// Until when the next try must wait: not at all for the first <paramref name="freeAttempts"/> failures, then one
    /// minute after the last failure, doubling with every further failure up to <paramref name="maxWait"/>.
    /// </summary>
    public static DateTime? WaitUntil(SignInFailures failures, int freeAttempts, TimeSpan maxWait)
    {
        if (failures.Count < freeAttempts) return null;
        var doublings = Math.Min(failures.Count - freeAttempts, 20);
        var wait = TimeSpan.FromMinutes(1 << doublings);
        return failures.Last + (wait < maxWait ? wait : maxWait);
    }
}

/// <summary>
/// Slows down password guessing per e-mail and client address, in memory. It never locks an account: the same e-mail
/// from another address is not slowed, so a person who types the right password where nobody has been guessing gets
/// in. Unknown e-mails are counted exactly like real ones, so the wait tells nothing about which accounts exist.
/// </summary>
public sealed class SignInThrottle(IOptions<StaffOptions> options, TimeProvider clock)
{
    /// <summary>Most pairs remembered; beyond that the longest-quiet ones are forgotten (bounds memory).</summary>
    public const int MaxTracked = 10_000;

    private static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);
    private readonly ConcurrentDictionary<(string Email, string Address), SignInFailures> _failures = new();

    /// <summary>How long this e-mail from this address must still wait before another try, or null.</summary>
    public TimeSpan? Wait(string email, string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!_failures.TryGetValue(Key(email, address), out var failures)) return null;
        var until = SignInBackoff.WaitUntil(failures, options.Value.SignInFreeAttempts, TimeSpan.FromMinutes(options.Value.SignInMaxWaitMinutes));
        return until > now ? until - now : null;
    }

    public void Failed(string email, string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (_failures.Count >= MaxTracked) Forget(now);
        _failures.AddOrUpdate(Key(email, address), _ => new(1, now),
            (_, f) => now - f.Last > ForgetAfter ? new(1, now) : new(f.Count + 1, now));
    }

    public void Succeeded(string email, string address) => _failures.TryRemove(Key(email, address), out _);

    private void Forget(DateTime now)
    {
        foreach (var (key, f) in _failures)
            if (now - f.Last > ForgetAfter) _failures.TryRemove(key, out _);
        if (_failures.Count < MaxTracked) return;
        foreach (var (key, _) in _failures.OrderBy(p => p.Value.Last).Take(_failures.Count - MaxTracked / 2).ToArray())
            _failures.TryRemove(key, out _);
    }

    private static (string, string) Key(string email, string address)
    {
        email = email.Trim().ToLowerInvariant();
        return (email.Length > 320 ? email[..320] : email, address);
    }
}
