using LiteDB;
using SmbBot.Core.Alerts;

namespace SmbBot.Core.Staff;

/// <summary>Staff accounts in LiteDB (collection <c>staff</c>, e-mail unique).</summary>
public sealed class LiteDbStaffAccountStore : IStaffAccountStore
{
    private readonly ILiteCollection<StaffAccount> _accounts;
    private readonly Lock _write = new();

    public LiteDbStaffAccountStore(ILiteDatabase database)
    {
        _accounts = database.GetCollection<StaffAccount>("staff");
        _accounts.EnsureIndex(a => a.Email, unique: true);
    }

    /// <inheritdoc/>
    public IReadOnlyList<StaffAccount> All() => _accounts.FindAll().OrderBy(a => a.DisplayName).ToArray();

    /// <inheritdoc/>
    public StaffAccount? Get(string id) => _accounts.FindById(id);

    /// <inheritdoc/>
    public StaffAccount? FindByEmail(string email) => _accounts.FindOne(a => a.Email == email);

    /// <inheritdoc/>
    public bool AnyAdmin() => _accounts.Exists(a => a.Role == StaffRoles.Admin && !a.Disabled);

    /// <inheritdoc/>
    public bool Insert(StaffAccount account)
    {
        lock (_write)
        {
            if (_accounts.Exists(a => a.Email == account.Email)) return false;
            _accounts.Insert(account);
            return true;
        }
    }

    /// <inheritdoc/>
    public bool SetPasswordHash(string id, string passwordHash) => Change(id, a => a.PasswordHash = passwordHash);

    /// <inheritdoc/>
    public bool SetAvailability(string id, bool away, DateTime? untilUtc) => Change(id, a => (a.Away, a.AwayUntil) = (away, away ? untilUtc : null));

    /// <inheritdoc/>
    public bool SetAlerts(string id, AlertChoices choices) => Change(id, a => a.Alerts = choices);

    /// <inheritdoc/>
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

    private bool Change(string id, Action<StaffAccount> change)
    {
        lock (_write)
        {
            var account = _accounts.FindById(id);
            if (account is null) return false;
            change(account);
            _accounts.Update(account);
            return true;
        }
    }
}
