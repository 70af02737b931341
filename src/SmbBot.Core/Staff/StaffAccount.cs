using LiteDB;

namespace SmbBot.Core.Staff;

/// <summary>A staff member who signs in to the console.</summary>
public sealed class StaffAccount
{
    [BsonId] public string Id { get; set; } = "";
    /// <summary>Lower-cased; the sign-in name.</summary>
    public string Email { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = StaffRoles.Agent;
    /// <summary>ASP.NET Core Identity's salted PBKDF2 hash.</summary>
    public string PasswordHash { get; set; } = "";
    public bool Disabled { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The alerts this person gets by e-mail at <see cref="Email"/>; null (accounts made before) means the defaults.</summary>
    public SmbBot.Core.Alerts.AlertChoices? Alerts { get; set; }
    /// <summary>Away: no automatic assignments and no team alerts until <see cref="AwayUntil"/> (null: until they say otherwise).</summary>
    public bool Away { get; set; }
    public DateTime? AwayUntil { get; set; }

    /// <summary>The account as routing and alerts see it.</summary>
    public SmbBot.Core.Teams.StaffMember AsMember() => new(Id, DisplayName, Email, Role == StaffRoles.Admin, Disabled, Away, AwayUntil);
}

/// <summary>The console's roles.</summary>
public static class StaffRoles
{
    public const string Agent = "agent";
    public const string Admin = "admin";

    public static bool IsValid(string role) => role is Agent or Admin;
}
