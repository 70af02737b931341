using SmbBot.Core.Teams;

namespace SmbBot.Host.Pages.Console;

/// <summary>One routing rule as the console's editor shows and posts it: plain fields, lists as text.</summary>
public sealed class RuleForm
{
    public string? Name { get; set; }
    public string? Category { get; set; }
    public string? Intent { get; set; }
    public string? Priority { get; set; }
    public string? Tier { get; set; }
    /// <summary>One <c>Field = value</c> per line.</summary>
    public string? Fields { get; set; }
    public string? Language { get; set; }
    /// <summary>Comma-separated.</summary>
    public string? Keywords { get; set; }
    public string? Hours { get; set; }
    public string? Team { get; set; }
    public string? Person { get; set; }
    public string? SetPriority { get; set; }
    public string? Tag { get; set; }

    public static RuleForm From(RoutingRule r) => new()
    {
        Name = r.Name, Category = r.When.Category, Intent = r.When.Intent, Priority = r.When.Priority, Tier = r.When.Tier,
        Fields = r.When.Fields is { } f ? string.Join('\n', f.Select(p => $"{p.Key} = {p.Value}")) : null,
        Language = r.When.Language, Keywords = r.When.Keywords is { } k ? string.Join(", ", k) : null, Hours = r.When.Hours,
        Team = r.Then.Team, Person = r.Then.Person, SetPriority = r.Then.Priority, Tag = r.Then.Tag,
    };

    /// <summary>The rule, or what is wrong with a line of the fields box.</summary>
    public (RoutingRule? Rule, string? Problem) ToRule()
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in (Fields ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            var at = line.IndexOf('=');
            if (at <= 0 || at == line.Length - 1) return (null, $"rule '{Name?.Trim()}': \"CRM fields\" line '{line}' must read Field = value");
            fields[line[..at].Trim()] = line[(at + 1)..].Trim();
        }
        var keywords = (Keywords ?? "").Split(',').Select(k => k.Trim()).Where(k => k.Length > 0).ToArray();
        var when = new RuleConditions(Clean(Category), Clean(Intent), Clean(Priority)?.ToLowerInvariant(), Clean(Tier), fields.Count > 0 ? fields : null,
            Clean(Language), keywords.Length > 0 ? keywords : null, Clean(Hours)?.ToLowerInvariant());
        var then = new RuleActions(Clean(Team), Clean(Person)?.ToLowerInvariant(), Clean(SetPriority)?.ToLowerInvariant(), Clean(Tag));
        return (new RoutingRule(Name?.Trim() ?? "", when, then), null);
    }

    /// <summary>The rule's conditions in words, for the list.</summary>
    public static string Describe(RuleConditions w)
    {
        var parts = new List<string>();
        if (w.Category is { } c) parts.Add($"category {c}");
        if (w.Intent is { } i) parts.Add($"intent {i}");
        if (w.Priority is { } p) parts.Add($"priority {p}");
        if (w.Tier is { } t) parts.Add($"tier {t}");
        foreach (var (k, v) in w.Fields ?? new Dictionary<string, string>()) parts.Add($"{k} = {v}");
        if (w.Language is { } l) parts.Add($"language {l}");
        if (w.Keywords is { Count: > 0 } ks) parts.Add($"words: {string.Join(", ", ks)}");
        if (w.Hours is { } h) parts.Add(h == RoutingRulesFile.InHours ? "in business hours" : "out of business hours");
        return parts.Count == 0 ? "every ticket" : string.Join("; ", parts);
    }

    /// <summary>The rule's actions in words, for the list.</summary>
    public static string Describe(RuleActions a)
    {
        var parts = new List<string>();
        if (a.Team is { } t) parts.Add($"team {t}");
        if (a.Person is { } p) parts.Add($"person {p}");
        if (a.Priority is { } q) parts.Add($"priority {q}");
        if (a.Tag is { } g) parts.Add($"tag {g}");
        return parts.Count == 0 ? "everyone's queue" : string.Join("; ", parts);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
