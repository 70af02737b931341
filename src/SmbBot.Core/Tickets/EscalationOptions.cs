using System.ComponentModel.DataAnnotations;
using System.Globalization;
using SmbBot.Core.Conversations;

namespace SmbBot.Core.Tickets;

/// <summary>
/// The business's routing rules and response-time targets (section <c>Escalation</c>): which reason becomes which
/// category and priority, how fast each priority must be answered, and when the business is open.
/// </summary>
public sealed class EscalationOptions : IValidatableObject
{
    public const string SectionName = "Escalation";

    /// <summary>IANA time zone of the business, e.g. <c>Europe/London</c>.</summary>
    [Required(AllowEmptyStrings = false)] public string TimeZone { get; set; } = "UTC";

    /// <summary>Opening hours per day of the week (<c>Monday</c> … <c>Sunday</c>) as <c>HH:mm-HH:mm</c>; empty or absent = closed.</summary>
    public Dictionary<string, string> BusinessHours { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Days closed on top of the weekly hours: <c>2026-12-25</c>, <c>2026-12-24..2026-12-26</c>, each optionally
    /// followed by a label (<c>2026-12-24..2026-12-26 Christmas</c>).
    /// </summary>
    public List<string> Holidays { get; set; } = [];

    /// <summary>Category and priority per reason: <c>human</c>, <c>complaint</c>, <c>account</c>, <c>urgent</c>, <c>no-answer</c>.</summary>
    public Dictionary<string, EscalationRule> Rules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Response-time targets per priority: <c>urgent</c>, <c>high</c>, <c>normal</c>, <c>low</c>.</summary>
    public Dictionary<string, ResponseTarget> Targets { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How customers of a CRM tier are treated, by the business's own tier name (<c>gold</c>, <c>insured</c>,
    /// <c>pro</c>; case-insensitive). A tier no rule names, and a customer without a tier, get the reason's rule as it is.
    /// </summary>
    public Dictionary<string, TierRule> Tiers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Most transcript entries kept on a ticket; older ones beyond the first few are dropped and counted.</summary>
    [Range(20, 10_000)] public int MaxTranscriptEntries { get; set; } = 200;

    /// <summary>The names of the reasons as written in <see cref="Rules"/>.</summary>
    public static readonly IReadOnlyDictionary<string, EscalationReason> ReasonNames = new Dictionary<string, EscalationReason>(StringComparer.OrdinalIgnoreCase)
    {
        ["human"] = EscalationReason.AskedForPerson,
        ["complaint"] = EscalationReason.Complaint,
        ["account"] = EscalationReason.AccountRequest,
        ["urgent"] = EscalationReason.UrgentSafety,
        ["no-answer"] = EscalationReason.NoAnswer,
    };

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TryFindTimeZone(TimeZone, out _))
            yield return Fail($"Escalation:TimeZone '{TimeZone}' is not a known time zone (use an IANA name such as Europe/London)");
        foreach (var (day, hours) in BusinessHours)
        {
            if (!Names.TryParseName<DayOfWeek>(day, out _))
                yield return Fail($"Escalation:BusinessHours:{day} is not a day of the week");
            else if (!string.IsNullOrWhiteSpace(hours) && OpeningHours.Parse(hours) is null)
                yield return Fail($"Escalation:BusinessHours:{day} '{hours}' must be HH:mm-HH:mm with the opening before the closing, or empty when closed");
        }
        for (int i = 0; i < Holidays.Count; i++)
        {
            if (Holiday.Parse(Holidays[i], out var problem) is null)
                yield return Fail($"Escalation:Holidays:{i} '{Holidays[i]}' {problem}");
        }
        foreach (var name in ReasonNames.Keys)
        {
            if (!Rules.TryGetValue(name, out var rule))
                yield return Fail($"Escalation:Rules:{name} is missing (every reason needs a category and a priority)");
            else if (string.IsNullOrWhiteSpace(rule.Category))
                yield return Fail($"Escalation:Rules:{name}:Category is empty");
            else if (!Names.TryParseName<TicketPriority>(rule.Priority, out var p))
                yield return Fail($"Escalation:Rules:{name}:Priority '{rule.Priority}' must be urgent, high, normal or low");
            else if (name == "urgent" && p != TicketPriority.Urgent)
                yield return Fail("Escalation:Rules:urgent:Priority must be urgent: safety situations always go to the top of the queue");
        }
        foreach (var name in Rules.Keys.Where(k => !ReasonNames.ContainsKey(k)))
            yield return Fail($"Escalation:Rules:{name} is not a reason (use {string.Join(", ", ReasonNames.Keys)})");
        foreach (var priority in Enum.GetNames<TicketPriority>().Select(n => n.ToLowerInvariant()))
        {
            if (!Targets.TryGetValue(priority, out var target))
                yield return Fail($"Escalation:Targets:{priority} is missing");
            else if (target.FirstResponse <= TimeSpan.Zero || target.Resolution < target.FirstResponse)
                yield return Fail($"Escalation:Targets:{priority} needs FirstResponse above zero and Resolution not below it");
        }
        foreach (var (tier, rule) in Tiers)
        {
            if (string.IsNullOrWhiteSpace(tier))
                yield return Fail("Escalation:Tiers has a rule without a tier name");
            if (rule.RaisePriority is < 0 or > 2)
                yield return Fail($"Escalation:Tiers:{tier}:RaisePriority {rule.RaisePriority} must be 0, 1 or 2 (steps up, never above high)");
            if (rule.FirstResponse is { } first && first <= TimeSpan.Zero)
                yield return Fail($"Escalation:Tiers:{tier}:FirstResponse must be above zero, or left out");
        }
        if (BusinessHours.Values.All(string.IsNullOrWhiteSpace) && Targets.Values.Any(t => t.BusinessHoursOnly))
            yield return Fail("Escalation:BusinessHours has no open day, but a target counts business hours only");
    }

    /// <summary>The holidays as read; call only on validated options.</summary>
    public IReadOnlyList<Holiday> ParsedHolidays() => Holidays.Select(h => Holiday.Parse(h, out _)!).ToArray();

    /// <summary>Finds a time zone by IANA (or Windows) id.</summary>
    public static bool TryFindTimeZone(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }

    private static ValidationResult Fail(string message) => new(message);
}

/// <summary>Where a reason goes.</summary>
public sealed class EscalationRule
{
    public string Category { get; set; } = "";
    public string Priority { get; set; } = "";
}

/// <summary>How the customers of one CRM tier are treated.</summary>
public sealed class TierRule
{
    /// <summary>Priority steps up from the reason's rule (normal -> high); never above high, which urgent safety keeps for itself.</summary>
    public int RaisePriority { get; set; }

    /// <summary>A first-response target this tier is promised, when it is sooner than the priority's.</summary>
    public TimeSpan? FirstResponse { get; set; }
}

/// <summary>How fast a priority must be answered and resolved.</summary>
public sealed class ResponseTarget
{
    public TimeSpan FirstResponse { get; set; }
    public TimeSpan Resolution { get; set; }

    /// <summary>Count only opening hours (false: the clock runs day and night, as for urgent tickets).</summary>
    public bool BusinessHoursOnly { get; set; } = true;
}

/// <summary>Opening and closing time of one day.</summary>
public sealed record OpeningHours(TimeOnly Opens, TimeOnly Closes)
{
    /// <summary>Parses <c>HH:mm-HH:mm</c>; null when malformed or not opening before closing.</summary>
    public static OpeningHours? Parse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
            || opens >= closes)
            return null;
        return new OpeningHours(opens, closes);
    }
}
