using System.Security.Cryptography;
using LiteDB;
using Microsoft.AspNetCore.Identity;
using SmbBot.Core.Crm;

namespace SmbBot.Host.StaffConsole;

/// <summary>Staff accounts in LiteDB (collection <c>staff</c>): creation, password checks, disabling.</summary>
public sealed class StaffStore : SmbBot.Core.Teams.IStaffRoster
{
    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly IPasswordHasher<StaffAccount> _hasher;
    private readonly TimeProvider _clock;
    private readonly Lock _write = new();
    private readonly string _standInHash;

    public StaffStore(ILiteDatabase database, TimeProvider clock, IPasswordHasher<StaffAccount> hasher)
    {
        _accounts = database.GetCollection<StaffAccount>("staff");
        _accounts.EnsureIndex(a => a.Email, unique: true);
        _clock = clock;
        _hasher = hasher;
        // Checked when there is no usable account, so that every answer costs one hash check (see CheckPassword).
        _standInHash = hasher.HashPassword(new StaffAccount(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
    }

    public IReadOnlyList<StaffAccount> All() => _accounts.FindAll().OrderBy(a => a.DisplayName).ToArray();

    public StaffAccount? Get(string id) => _accounts.FindById(id);

    /// <inheritdoc/>
    public IReadOnlyList<SmbBot.Core.Teams.StaffMember> Members() => _accounts.FindAll().Select(a => a.AsMember()).ToArray();

    /// <summary>
    /// Marks a staff member on duty (<paramref name="away"/> false) or away until <paramref name="untilUtc"/> (null:
    /// until further notice); false when there is no such account.
    /// </summary>
    public bool SetAvailability(string id, bool away, DateTime? untilUtc)
    {
        lock (_write)
        {
            var account = _accounts.FindById(id);
            if (account is null) return false;
            (account.Away, account.AwayUntil) = (away, away ? untilUtc : null);
            _accounts.Update(account);
            return true;
        }
    }

    public bool AnyAdmin() => _accounts.Exists(a => a.Role == StaffRoles.Admin && !a.Disabled);

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
        lock (_write)
        {
            if (_accounts.Exists(a => a.Email == email)) return (null, $"{email} already has an account");
            _accounts.Insert(account);
            return (account, null);
        }
    }

    /// <summary>
    /// The enabled account with this e-mail and password, or null. Unknown, disabled and wrong-password all cost one hash
    /// check and give the same null, so neither the answer nor its time tells whether an account exists. No lock is held
    /// while hashing: checks run side by side (one lock around them made 80 concurrent sign-ins wait for each other).
    /// </summary>
    public StaffAccount? CheckPassword(string email, string password)
    {
        var account = _accounts.FindOne(a => a.Email == email.Trim().ToLowerInvariant());
        var verdict = _hasher.VerifyHashedPassword(account ?? new StaffAccount(), account?.PasswordHash ?? _standInHash, password);
        if (account is null || account.Disabled || verdict == PasswordVerificationResult.Failed) return null;
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            var rehashed = _hasher.HashPassword(account, password);
            lock (_write)
            {
                if (_accounts.FindById(account.Id) is { } current)
                {
                    current.PasswordHash = rehashed;
                    _accounts.Update(current);
                }
            }
        }
        return account;
    }

    /// <summary>Stores the alerts a staff member chose to get by e-mail; false when there is no such account.</summary>
    public bool SetAlerts(string id, SmbBot.Core.Alerts.AlertChoices choices)
    {
        lock (_write)
        {
            var account = _accounts.FindById(id);
            if (account is null) return false;
            account.Alerts = choices;
            _accounts.Update(account);
            return true;
        }
    }

    /// <summary>Disables or enables an account; the last enabled admin cannot be disabled.</summary>
    public string? SetDisabled(string id, bool disabled)
    {
        lock (_write)
        {
            var account = _accounts.FindById(id);
            if (account is null) return "no such account";
            if (disabled && account.Role == StaffRoles.Admin && _accounts.Count(a => a.Role == StaffRoles.Admin && !a.Disabled) <= 1)
                return "the last admin cannot be disabled";
            account.Disabled = disabled;
            _accounts.Update(account);
            return null;
        }
    }
}
