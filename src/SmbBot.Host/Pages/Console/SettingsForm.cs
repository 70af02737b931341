using SmbBot.Core.Business;

namespace SmbBot.Host.Pages.Console;

/// <summary>The settings page's fields, as typed.</summary>
public sealed class SettingsForm
{
    /// <summary>Monday first, as a business reads its week.</summary>
    public static readonly string[] Days = [.. Enum.GetNames<DayOfWeek>().Skip(1), nameof(DayOfWeek.Sunday)];

    public string Version { get; set; } = "";
    public string? BusinessName { get; set; }
    public string? Greeting { get; set; }
    /// <summary>One topic per line.</summary>
    public string? Topics { get; set; }
    public string? AccentColour { get; set; }
    public string? HandoffContact { get; set; }
    public string? TimeZone { get; set; }
    public Dictionary<string, string?> Hours { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public bool RemoveAvatar { get; set; }

    public static SettingsForm From(BusinessProfile p, string version) => new()
    {
        Version = version,
        BusinessName = p.BusinessName,
        Greeting = p.Greeting,
        Topics = string.Join("\n", p.Topics),
        AccentColour = p.AccentColour,
        HandoffContact = p.HandoffContact,
        TimeZone = p.TimeZone,
        Hours = Days.ToDictionary(d => d, d => p.BusinessHours.GetValueOrDefault(d), StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The profile the form describes; checking it is the settings' job.</summary>
    public BusinessProfile ToProfile() => new()
    {
        BusinessName = (BusinessName ?? "").Trim(),
        Greeting = (Greeting ?? "").Trim(),
        Topics = (Topics ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
        AccentColour = (AccentColour ?? "").Trim(),
        HandoffContact = (HandoffContact ?? "").Trim(),
        TimeZone = (TimeZone ?? "").Trim(),
        BusinessHours = Days.ToDictionary(d => d, d => (Hours.GetValueOrDefault(d) ?? "").Trim(), StringComparer.OrdinalIgnoreCase),
    };
}
