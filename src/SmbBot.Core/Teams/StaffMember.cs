namespace SmbBot.Core.Teams;

/// <summary>A staff member as routing and alerts see them.</summary>
/// <param name="Away">Marked away by themselves or an admin.</param>
/// <param name="AwayUntil">When an absence ends (UTC); null while <paramref name="Away"/> means until further notice.</param>
public sealed record StaffMember(string Id, string Name, string Email, bool IsAdmin, bool Disabled, bool Away = false, DateTime? AwayUntil = null)
{
    /// <summary>True when the person may get work at <paramref name="nowUtc"/>: enabled and not away.</summary>
    public bool IsAvailable(DateTime nowUtc) => !Disabled && !IsAway(nowUtc);

    /// <summary>True while an absence lasts.</summary>
    public bool IsAway(DateTime nowUtc) => Away && (AwayUntil is not { } until || nowUtc < until);
}

/// <summary>The business's staff accounts (kept by the host, which owns sign-in and passwords).</summary>
public interface IStaffRoster
{
    /// <summary>Every account, enabled or not.</summary>
    IReadOnlyList<StaffMember> Members();
}
