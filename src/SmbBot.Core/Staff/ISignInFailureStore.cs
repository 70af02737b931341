namespace SmbBot.Core.Staff;

/// <summary>Failed sign-ins for one e-mail from one client address: how many, and when the last one was.</summary>
public readonly record struct SignInFailures(int Count, DateTime Last);

/// <summary>
/// The failed sign-ins the console's slow-down counts, per e-mail and client address (both already normalised by the
/// caller). Pairs quiet for longer than <see cref="ForgetAfter"/> start again at one.
/// </summary>
public interface ISignInFailureStore
{
    /// <summary>How long a pair's failures are remembered after the last one.</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(24);

    /// <summary>The pair's failures, or null when none are remembered.</summary>
    SignInFailures? Get(string email, string address);

    /// <summary>Counts one more failure at <paramref name="now"/> (the first again when the last is older than <see cref="ForgetAfter"/>).</summary>
    void Failed(string email, string address, DateTime now);

    /// <summary>Forgets the pair's failures.</summary>
    void Succeeded(string email, string address);
}
