using SmbBot.Core.Alerts;

namespace SmbBot.Core.Staff;

/// <summary>
/// Where staff accounts are kept. The rules (which e-mail, name, role and password are acceptable, hashing, the
/// sign-in's equal timing) are the caller's; the store keeps e-mails unique and the last enabled admin enabled, also
/// when several hosts change accounts at once.
/// </summary>
public interface IStaffAccountStore
{
    /// <summary>Every account, enabled or not, by display name.</summary>
    IReadOnlyList<StaffAccount> All();

    /// <summary>The account with this id, or null.</summary>
    StaffAccount? Get(string id);

    /// <summary>The account with this e-mail (already lower-cased and trimmed by the caller), or null.</summary>
    StaffAccount? FindByEmail(string email);

    /// <summary>True when an enabled admin account exists.</summary>
    bool AnyAdmin();

    /// <summary>Stores a new account; false (storing nothing) when its e-mail already has one.</summary>
    bool Insert(StaffAccount account);

    /// <summary>Replaces an account's password hash; false when there is no such account.</summary>
    bool SetPasswordHash(string id, string passwordHash);

    /// <summary>Marks the account on duty or away (until <paramref name="untilUtc"/>, null: until further notice); false when there is no such account.</summary>
    bool SetAvailability(string id, bool away, DateTime? untilUtc);

    /// <summary>Stores the alerts the person chose to get by e-mail; false when there is no such account.</summary>
    bool SetAlerts(string id, AlertChoices choices);

    /// <summary>Disables or enables an account; the reason it cannot ("no such account", "the last admin cannot be disabled") or null.</summary>
    string? SetDisabled(string id, bool disabled);
}
