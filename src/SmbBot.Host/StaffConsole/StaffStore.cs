using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using SmbBot.Core.Alerts;
using SmbBot.Core.Crm;
using SmbBot.Core.Staff;

namespace SmbBot.Host.StaffConsole;

/// <summary>
/// Staff accounts as the console uses them: creation with its rules, password checks, disabling. The accounts are kept
/// in an <see cref="IStaffAccountStore"/>.
/// </summary>
public sealed class StaffStore : SmbBot.Core.Teams.IStaffRoster
{
    private readonly IStaffAccountStore _accounts;
    private readonly IPasswordHasher<StaffAccount> _hasher;
    private readonly TimeProvider _clock;
    private readonly string _standInHash;

    public StaffStore(IStaffAccountStore accounts, TimeProvider clock, IPasswordHasher<StaffAccount> hasher)
    {
        _accounts = accounts;
        _clock = clock;
        _hasher = hasher;
        // Checked when there is no usable account, so that every answer costs one hash check (see CheckPassword).
        _standInHash = hasher.HashPassword(new StaffAccount(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    public IReadOnlyList<StaffAccount> All() => _accounts.All();

    public StaffAccount? Get(string id) => _accounts.Get(id);

    /// <inheritdoc/>
    public IReadOnlyList<SmbBot.Core.Teams.StaffMember> Members() => _accounts.All().Select(a => a.AsMember()).ToArray();

    /// <summary>
    /// Marks a staff member on duty (<paramref name="away"/> false) or away until <paramref name="untilUtc"/> (null:
    /// until further notice); false when there is no such account.
    /// </summary>
    public bool SetAvailability(string id, bool away, DateTime? untilUtc) => _accounts.SetAvailability(id, away, untilUtc);

    public bool AnyAdmin() => _accounts.AnyAdmin();

    /// <summary>Adds an account; returns it, or what is wrong.</summary>
    public (StaffAccount? Account, string? Problem) Add(string email, string displayName, string role, string password)
    {
        email = email.Trim().ToLowerInvariant();
        displayName = displayName.Trim();
        if (!CustomerCsvLoader.IsEmail(email)) return (null, $"'{email}' is not an e-mail address");
        if (displayName.Length is 0 or > 60) return (null, "the display name must have 1-60 characters");
        if (!StaffRoles.IsValid(role)) return (null, "the role must be agent or admin");
        if (StaffPasswords.Problem(password) is { } problem) return (null, $"the password {problem}");
        var account = new StaffAccount
        {
            Id = Guid.NewGuid().ToString("N"), Email = email, DisplayName = displayName, Role = role,
            CreatedAt = _clock.GetUtcNow().UtcDateTime,
        };
        account.PasswordHash = _hasher.HashPassword(account, password);
        return _accounts.Insert(account) ? (account, null) : (null, $"{email} already has an account");
    }

    /// <summary>
    /// The enabled account with this e-mail and password, or null. Unknown, disabled and wrong-password all cost one hash
    /// check and give the same null, so neither the answer nor its time tells whether an account exists. No lock is held
    /// while hashing: checks run side by side (one lock around them made 80 concurrent sign-ins wait for each other).
    /// </summary>
    public StaffAccount? CheckPassword(string email, string password)
    {
        var account = _accounts.FindByEmail(email.Trim().ToLowerInvariant());
        var verdict = _hasher.VerifyHashedPassword(account ?? new StaffAccount(), account?.PasswordHash ?? _standInHash, password);
        if (account is null || account.Disabled || verdict == PasswordVerificationResult.Failed) return null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded) _accounts.SetPasswordHash(account.Id, _hasher.HashPassword(account, password));
        return account;
    }

    /// <summary>Stores the alerts a staff member chose to get by e-mail; false when there is no such account.</summary>
    public bool SetAlerts(string id, AlertChoices choices) => _accounts.SetAlerts(id, choices);

    /// <summary>Disables or enables an account; the last enabled admin cannot be disabled.</summary>
    public string? SetDisabled(string id, bool disabled) => _accounts.SetDisabled(id, disabled);
}
