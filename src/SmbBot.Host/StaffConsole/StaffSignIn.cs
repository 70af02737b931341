using SmbBot.Core.Staff;

namespace SmbBot.Host.StaffConsole;

/// <summary>How a sign-in went: the account; or, with neither, the e-mail or password was wrong (or the account is disabled).</summary>
public sealed record SignInOutcome(StaffAccount? Account, TimeSpan? Wait)
{
    public static readonly SignInOutcome Refused = new(null, null);
}

/// <summary>A sign-in attempt: the per e-mail and address slow-down first, then the password.</summary>
public sealed class StaffSignIn(StaffStore staff, SignInThrottle throttle)
{
    /// <param name="address">The client's <see cref="SmbBot.Bot.DirectLine.ClientAddress.Key"/>.</param>
    public SignInOutcome Attempt(string email, string password, string address)
    {
        // A waiting pair is refused without checking the password, whether the e-mail is known or not: otherwise the
        // guessing would simply go on.
        if (throttle.Wait(email, address) is { } wait) return new(null, wait);
        var account = staff.CheckPassword(email, password);
        if (account is null)
        {
            throttle.Failed(email, address);
            return SignInOutcome.Refused;
        }
        throttle.Succeeded(email, address);
        return new(account, null);
    }
}
