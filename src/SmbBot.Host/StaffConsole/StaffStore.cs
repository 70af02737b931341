using LiteDB;
using Microsoft.AspNetCore.Identity;
using SmbBot.Core.Crm;

namespace SmbBot.Host.StaffConsole;

/// <summary>How a sign-in attempt went.</summary>
public enum StaffSignInResult { Success, Invalid, LockedOut, Disabled }

/// <summary>Staff accounts in LiteDB (collection <c>staff</c>): creation, password checks with lock-out, disabling.</summary>
public sealed class StaffStore
{
    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly PasswordHasher<StaffAccount> _hasher = new();
    private readonly StaffOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _write = new();

    public StaffStore(ILiteDatabase database, Microsoft.Extensions.Options.IOptions<StaffOptions> options, TimeProvider clock)
    {
        _accounts = database.GetCollection<StaffAccount>("staff");
        _accounts.EnsureIndex(a => a.Email, unique: true);
        _options = options.Value;
        _clock = clock;
    }

    public IReadOnlyList<StaffAccount> All() => _accounts.FindAll().OrderBy(a => a.DisplayName).ToArray();

    public StaffAccount? Get(string id) => _accounts.FindById(id);

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
        lock (_write)
        {
            if (_accounts.Exists(a => a.Email == email)) return (null, $"{email} already has an account");
            var account = new StaffAccount
            {
                Id = Guid.NewGuid().ToString("N"), Email = email, DisplayName = displayName, Role = role,
                CreatedAt = _clock.GetUtcNow().UtcDateTime,
            };
            account.PasswordHash = _hasher.HashPassword(account, password);
            _accounts.Insert(account);
            return (account, null);
        }
    }

    /// <summary>Checks a password; repeated failures lock the account for a while.</summary>
    public (StaffSignInResult Result, StaffAccount? Account) SignIn(string email, string password)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        lock (_write)
        {
            var account = _accounts.FindOne(a => a.Email == email.Trim().ToLowerInvariant());
            if (account is null)
            {
                _hasher.HashPassword(new StaffAccount(), password); // same cost whether or not the account exists
                return (StaffSignInResult.Invalid, null);
            }
            if (account.Disabled) return (StaffSignInResult.Disabled, null);
            if (account.LockedUntil > now) return (StaffSignInResult.LockedOut, null);
            var verdict = _hasher.VerifyHashedPassword(account, account.PasswordHash, password);
            if (verdict == PasswordVerificationResult.Failed)
            {
                account.FailedSignIns++;
                if (account.FailedSignIns >= _options.LockoutAttempts)
                {
                    account.LockedUntil = now.AddMinutes(_options.LockoutMinutes);
                    account.FailedSignIns = 0;
                }
                _accounts.Update(account);
                return (account.LockedUntil > now ? StaffSignInResult.LockedOut : StaffSignInResult.Invalid, null);
            }
            if (verdict == PasswordVerificationResult.SuccessRehashNeeded) account.PasswordHash = _hasher.HashPassword(account, password);
            account.FailedSignIns = 0;
            account.LockedUntil = null;
            _accounts.Update(account);
            return (StaffSignInResult.Success, account);
        }
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
