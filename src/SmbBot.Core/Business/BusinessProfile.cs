using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace SmbBot.Core.Business;

/// <summary>
/// What the business tells its customers about itself: its name, the chat's greeting, suggested topics and look, how
/// to reach a person, and its weekly hours. Edited on the console's settings page; the defaults come from
/// <c>appsettings.json</c>.
/// </summary>
public sealed partial record BusinessProfile
{
    /// <summary>Replaced by the business name in <see cref="Greeting"/>.</summary>
    public const string NamePlaceholder = "{name}";

    public const string DefaultGreeting =
        "Hello! I'm the {name} assistant. Ask me anything about what we offer, our prices and our policies. If you need a person, just say so.";

    public const string DefaultAccent = "#1f4d3a";
    public const int MaxTopics = 6;
    public const int MaxTopicChars = 60;

    [Required(AllowEmptyStrings = false, ErrorMessage = "The business name is empty"), StringLength(100, ErrorMessage = "The business name is longer than 100 characters")]
    public string BusinessName { get; init; } = "";

    /// <summary>The chat's first message; <c>{name}</c> becomes the business name.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "The greeting is empty"), StringLength(500, ErrorMessage = "The greeting is longer than 500 characters")]
    public string Greeting { get; init; } = DefaultGreeting;

    /// <summary>Questions offered as buttons under the greeting.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>The chat's accent colour as <c>#rrggbb</c>.</summary>
    public string AccentColour { get; init; } = DefaultAccent;

    /// <summary>How customers reach a person, given whenever the bot cannot help.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "The hand-over contact is empty"), StringLength(500, ErrorMessage = "The hand-over contact is longer than 500 characters")]
    public string HandoffContact { get; init; } = "";

    /// <summary>IANA time zone of the business.</summary>
    public string TimeZone { get; init; } = "UTC";

    /// <summary>Opening hours per day of the week as <c>HH:mm-HH:mm</c>; empty = closed.</summary>
    public IReadOnlyDictionary<string, string> BusinessHours { get; init; } = new Dictionary<string, string>();

    /// <summary>The avatar's file, relative to the knowledge folder (<c>branding/avatar-….png</c>); null for initials.</summary>
    public string? Avatar { get; init; }

    /// <summary>The greeting as the customer reads it.</summary>
    public string GreetingText => Greeting.Replace(NamePlaceholder, BusinessName, StringComparison.Ordinal);

    /// <summary>Up to two initials of the name's words ("Harbour &amp; Pine Outdoor" → "HP"), the avatar when there is no image.</summary>
    public string Initials
    {
        get
        {
            var letters = BusinessName.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => char.IsLetterOrDigit(w[0])).Take(2).Select(w => char.ToUpperInvariant(w[0]));
            var text = string.Concat(letters);
            return text.Length == 0 ? "?" : text;
        }
    }

    /// <summary>What is wrong with the profile's own fields (hours are checked with the escalation rules, see <see cref="BusinessSettings"/>).</summary>
    public IReadOnlyList<string> Problems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        var problems = results.Select(r => r.ErrorMessage ?? "").ToList();
        var braces = Greeting.Replace(NamePlaceholder, "", StringComparison.Ordinal);
        if (braces.Contains('{') || braces.Contains('}'))
            problems.Add($"The greeting may use {NamePlaceholder} for the business name, but no other {{…}}");
        if (!HexColour().IsMatch(AccentColour ?? ""))
            problems.Add($"The accent colour '{AccentColour}' must be a hex colour like #1f4d3a");
        if (Topics.Count > MaxTopics)
            problems.Add($"There are {Topics.Count} suggested topics; at most {MaxTopics} fit under the greeting");
        foreach (var topic in Topics.Where(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTopicChars))
            problems.Add($"The topic '{Names.Preview(topic, 80)}' must have 1 to {MaxTopicChars} characters");
        foreach (var twice in Topics.GroupBy(t => t.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add($"The topic '{twice.Key}' is listed twice");
        if (Avatar is not null && !AvatarFile().IsMatch(Avatar))
            problems.Add($"The avatar '{Avatar}' must be a file branding/avatar-….png, .jpg or .webp written by the console");
        return problems;
    }

    /// <summary>The names of the fields that differ between two profiles, for the audit log.</summary>
    public static IReadOnlyList<string> Changed(BusinessProfile before, BusinessProfile after)
    {
        var changed = new List<string>();
        if (before.BusinessName != after.BusinessName) changed.Add("business name");
        if (before.Greeting != after.Greeting) changed.Add("greeting");
        if (!before.Topics.SequenceEqual(after.Topics)) changed.Add("topics");
        if (!string.Equals(before.AccentColour, after.AccentColour, StringComparison.OrdinalIgnoreCase)) changed.Add("accent colour");
        if (before.Avatar != after.Avatar) changed.Add("avatar");
        if (before.HandoffContact != after.HandoffContact) changed.Add("hand-over contact");
        if (before.TimeZone != after.TimeZone) changed.Add("time zone");
        if (!SameHours(before.BusinessHours, after.BusinessHours)) changed.Add("opening hours");
        return changed;
    }

    private static bool SameHours(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        Enum.GetNames<DayOfWeek>().All(d => (a.GetValueOrDefault(d) ?? "").Trim() == (b.GetValueOrDefault(d) ?? "").Trim());

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColour();

    [GeneratedRegex("^branding/avatar-[0-9a-f]{8,64}\\.(png|jpg|webp)$")]
    private static partial Regex AvatarFile();
}
