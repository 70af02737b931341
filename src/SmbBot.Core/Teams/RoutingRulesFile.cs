using System.Text.Json;
using System.Text.Json.Nodes;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Teams;

/// <summary>
/// Reads, checks and writes <c>knowledge/routing.json</c>: <c>{"rules": [{"name", "when": {...}, "then": {...}}]}</c>.
/// A rule that cannot be used is refused with a message naming the rule and the field; nothing is half-read.
/// </summary>
public static class RoutingRulesFile
{
    public const string FileName = "routing.json";
    public const string InHours = "in";
    public const string OutOfHours = "out";
    public const int MaxName = 60;
    public const int MaxRules = 500;

    private static readonly string[] ConditionNames = ["category", "intent", "priority", "tier", "fields", "language", "keywords", "hours"];
    private static readonly string[] ActionNames = ["team", "person", "priority", "tag"];
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The rules in <paramref name="path"/>; none when the file does not exist. Throws <see cref="KnowledgeFileException"/>.</summary>
    public static IReadOnlyList<RoutingRule> Load(string path, string display)
    {
        if (!File.Exists(path)) return [];
        var (rules, problem) = Parse(File.ReadAllText(path));
        return problem is null ? rules! : throw new KnowledgeFileException(display, 0, problem);
    }

    /// <summary>The rules in <paramref name="json"/>, or the first problem found.</summary>
    public static (IReadOnlyList<RoutingRule>? Rules, string? Problem) Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON ({e.Message})");
        }
        if (root is not JsonObject file || file["rules"] is not JsonArray items)
            return (null, "the file must be an object with a \"rules\" list");
        var rules = new List<RoutingRule>();
        for (int i = 0; i < items.Count; i++)
        {
            var (rule, problem) = ReadRule(items[i], i + 1);
            if (problem is not null) return (null, problem);
            rules.Add(rule!);
        }
        return Check(rules) is { } wrong ? (null, wrong) : (rules, null);
    }

    /// <summary>The first problem of <paramref name="rules"/> as a whole (count, names, values), or null.</summary>
    public static string? Check(IReadOnlyList<RoutingRule> rules)
    {
        if (rules.Count > MaxRules) return $"at most {MaxRules} rules";
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            var label = $"rule {i + 1}";
            if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Trim().Length > MaxName) return $"{label}: \"name\" must have 1-{MaxName} characters";
            label = $"rule {i + 1} '{r.Name}'";
            if (!seen.Add(r.Name.Trim())) return $"{label}: \"name\" is used by an earlier rule; names must differ";
            if (r.When.Priority is { } p && !Names.TryParseName<TicketPriority>(p, out _)) return $"{label}: \"when.priority\" must be urgent, high, normal or low, not '{p}'";
            if (r.Then.Priority is { } q && !Names.TryParseName<TicketPriority>(q, out _)) return $"{label}: \"then.priority\" must be urgent, high, normal or low, not '{q}'";
            if (r.When.Hours is { } h && h is not (InHours or OutOfHours)) return $"{label}: \"when.hours\" must be \"{InHours}\" or \"{OutOfHours}\", not '{h}'";
            if (r.When.Keywords?.FirstOrDefault(k => string.IsNullOrWhiteSpace(k)) is not null) return $"{label}: \"when.keywords\" has an empty keyword";
            if (r.When.Fields?.FirstOrDefault(f => string.IsNullOrWhiteSpace(f.Key) || string.IsNullOrWhiteSpace(f.Value)) is { Key: { } field })
                return $"{label}: \"when.fields\" needs a field name and a value ('{field}')";
            if (r.Then.Person is { } person && !Crm.CustomerCsvLoader.IsEmail(person)) return $"{label}: \"then.person\" must be a staff member's e-mail address, not '{person}'";
            if (r.Then.Tag is { Length: > 30 }) return $"{label}: \"then.tag\" must have at most 30 characters";
        }
        return null;
    }

    /// <summary>The first rule naming a team or person that does not exist, as a message; null when all exist.</summary>
    public static string? Unknown(IReadOnlyList<RoutingRule> rules, IEnumerable<string> teamNames, IEnumerable<string> staffEmails)
    {
        var teams = teamNames.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var staff = staffEmails.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < rules.Count; i++)
        {
            var r = rules[i];
            if (r.Then.Team is { } team && !teams.Contains(team)) return $"rule {i + 1} '{r.Name}': \"then.team\" names no team: '{team}' (add it on the Teams page first)";
            if (r.Then.Person is { } person && !staff.Contains(person)) return $"rule {i + 1} '{r.Name}': \"then.person\" names no staff account: '{person}'";
        }
        return null;
    }

    /// <summary>The rules as the file holds them.</summary>
    public static string Write(IReadOnlyList<RoutingRule> rules)
    {
        var list = new JsonArray();
        foreach (var r in rules)
        {
            var when = new JsonObject();
            Put(when, "category", r.When.Category);
            Put(when, "intent", r.When.Intent);
            Put(when, "priority", r.When.Priority);
            Put(when, "tier", r.When.Tier);
            if (r.When.Fields is { Count: > 0 } fields) when["fields"] = new JsonObject(fields.Select(f => KeyValuePair.Create(f.Key, (JsonNode?)f.Value)));
            Put(when, "language", r.When.Language);
            if (r.When.Keywords is { Count: > 0 } keywords) when["keywords"] = new JsonArray(keywords.Select(k => (JsonNode?)k).ToArray());
            Put(when, "hours", r.When.Hours);
            var then = new JsonObject();
            Put(then, "team", r.Then.Team);
            Put(then, "person", r.Then.Person);
            Put(then, "priority", r.Then.Priority);
            Put(then, "tag", r.Then.Tag);
            list.Add(new JsonObject { ["name"] = r.Name, ["when"] = when, ["then"] = then });
        }
        return new JsonObject { ["rules"] = list }.ToJsonString(Indented) + "\n";
    }

    /// <summary>Writes the rules to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public static void Save(string path, IReadOnlyList<RoutingRule> rules)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, Write(rules));
        File.Move(temp, path, overwrite: true);
    }

    private static (RoutingRule? Rule, string? Problem) ReadRule(JsonNode? node, int number)
    {
        if (node is not JsonObject rule) return (null, $"rule {number}: must be an object with \"name\", \"when\" and \"then\"");
        var name = rule["name"] is JsonValue v && v.TryGetValue<string>(out var n) ? n.Trim() : "";
        var label = name.Length > 0 ? $"rule {number} '{name}'" : $"rule {number}";
        if (Unexpected(rule, ["name", "when", "then"]) is { } odd) return (null, $"{label}: unknown field \"{odd}\" (a rule has name, when and then)");
        if (rule["when"] is not (null or JsonObject)) return (null, $"{label}: \"when\" must be an object");
        if (rule["then"] is not (null or JsonObject)) return (null, $"{label}: \"then\" must be an object");
        var when = rule["when"] as JsonObject ?? [];
        var then = rule["then"] as JsonObject ?? [];
        if (Unexpected(when, ConditionNames) is { } badWhen) return (null, $"{label}: unknown condition \"when.{badWhen}\" (use {string.Join(", ", ConditionNames)})");
        if (Unexpected(then, ActionNames) is { } badThen) return (null, $"{label}: unknown action \"then.{badThen}\" (use {string.Join(", ", ActionNames)})");
        try
        {
            var fields = when["fields"] switch
            {
                null => null,
                JsonObject o => o.ToDictionary(f => f.Key.Trim(), f => Text(f.Value, $"when.fields.{f.Key}") ?? ""),
                _ => throw new FormatException("\"when.fields\" must be an object of field names and values"),
            };
            var keywords = when["keywords"] switch
            {
                null => null,
                JsonArray a => a.Select(k => Text(k, "when.keywords") ?? "").ToArray(),
                _ => throw new FormatException("\"when.keywords\" must be a list of words"),
            };
            var conditions = new RuleConditions(Text(when["category"], "when.category"), Text(when["intent"], "when.intent"),
                Text(when["priority"], "when.priority")?.ToLowerInvariant(), Text(when["tier"], "when.tier"), fields,
                Text(when["language"], "when.language"), keywords, Text(when["hours"], "when.hours")?.ToLowerInvariant());
            var actions = new RuleActions(Text(then["team"], "then.team"), Text(then["person"], "then.person")?.ToLowerInvariant(),
                Text(then["priority"], "then.priority")?.ToLowerInvariant(), Text(then["tag"], "then.tag"));
            return (new RoutingRule(name, conditions, actions), null);
        }
        catch (FormatException e)
        {
            return (null, $"{label}: {e.Message}");
        }
    }

    /// <summary>A text value, trimmed; null when absent or blank.</summary>
    private static string? Text(JsonNode? node, string field) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        _ => throw new FormatException($"\"{field}\" must be text"),
    };

    private static void Put(JsonObject o, string key, string? value)
    {
        if (value is not null) o[key] = value;
    }

    private static string? Unexpected(JsonObject o, string[] allowed) => o.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k));
}
