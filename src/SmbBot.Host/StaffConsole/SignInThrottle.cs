using Microsoft.Extensions.Options;
using SmbBot.Core.Staff;

namespace SmbBot.Host.StaffConsole;

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
/// Slows down password guessing per e-mail and client address, counting failures in an <see cref="ISignInFailureStore"/>
/// (this process's memory unless another is given). It never locks an account: the same e-mail from another address is
/// not slowed, so a person who types the right password where nobody has been guessing gets in. Unknown e-mails are
/// counted exactly like real ones, so the wait tells nothing about which accounts exist.
/// </summary>
public sealed class SignInThrottle(IOptions<StaffOptions> options, TimeProvider clock, ISignInFailureStore? failures = null)
{
    /// <summary>Most pairs remembered in memory (<see cref="MemorySignInFailureStore.MaxTracked"/>).</summary>
    public const int MaxTracked = MemorySignInFailureStore.MaxTracked;

    private readonly ISignInFailureStore _failures = failures ?? new MemorySignInFailureStore();

    /// <summary>How long this e-mail from this address must still wait before another try, or null.</summary>
    public TimeSpan? Wait(string email, string address)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (e, a) = Key(email, address);
        if (_failures.Get(e, a) is not { } counted) return null;
        var until = SignInBackoff.WaitUntil(counted, options.Value.SignInFreeAttempts, TimeSpan.FromMinutes(options.Value.SignInMaxWaitMinutes));
        return until > now ? until - now : null;
    }

    public void Failed(string email, string address)
    {
        var (e, a) = Key(email, address);
        _failures.Failed(e, a, clock.GetUtcNow().UtcDateTime);
    }

    public void Succeeded(string email, string address)
    {
        var (e, a) = Key(email, address);
        _failures.Succeeded(e, a);
    }

    private static (string, string) Key(string email, string address)
    {
        email = email.Trim().ToLowerInvariant();
        return (email.Length > 320 ? email[..320] : email, address);
    }
}
