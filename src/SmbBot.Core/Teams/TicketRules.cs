using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Teams;

/// <summary>Which routing rule a new ticket falls under: the first that matches, in file order.</summary>
public static class TicketRules
{
    /// <summary>The rule used when the file is missing or no rule matches: the ticket stays in everyone's queue.</summary>
    public static readonly RoutingRule Default = new("everyone", new RuleConditions(), new RuleActions());

    /// <summary>
    /// The first rule of <paramref name="rules"/> that <paramref name="ticket"/> matches at <paramref name="nowUtc"/>
    /// (business hours read from <paramref name="calendar"/>), else <see cref="Default"/>, with a line saying why.
    /// </summary>
    public static RoutingDecision Route(Ticket ticket, IReadOnlyList<RoutingRule> rules, DateTime nowUtc, BusinessCalendar calendar)
    {
        string? customerText = null;
        bool? open = null;
        foreach (var rule in rules)
        {
            var reasons = Matches(rule.When, ticket, Text, IsOpen);
            if (reasons is null) continue;
            var why = reasons.Count == 0 ? $"rule '{rule.Name}' matches every ticket" : $"rule '{rule.Name}': {string.Join(", ", reasons)}";
            return new RoutingDecision(rule.Name, why, rule.Then);
        }
        return new RoutingDecision(Default.Name, rules.Count == 0 ? "no routing rules: everyone's queue" : "no rule matched: everyone's queue", Default.Then);

        string Text() => customerText ??= string.Join('\n', ticket.Transcript.Where(e => e.From == Speaker.Customer).Select(e => e.Text));
        bool IsOpen() => open ??= calendar.IsOpen(nowUtc);
    }

    /// <summary>Why the ticket matches (one phrase per condition), or null when it does not.</summary>
    private static List<string>? Matches(RuleConditions when, Ticket ticket, Func<string> customerText, Func<bool> businessOpen)
    {
        var reasons = new List<string>();
        if (!Is(when.Category, ticket.Category, "category", reasons)) return null;
        if (!Is(when.Intent, ticket.Intent, "intent", reasons)) return null;
        if (!Is(when.Priority, ticket.Priority.ToString(), "priority", reasons)) return null;
        if (!Is(when.Tier, ticket.Customer?.Tier, "customer tier", reasons)) return null;
        if (!Is(when.Language, ticket.Language, "language", reasons)) return null;
        foreach (var (field, value) in when.Fields ?? new Dictionary<string, string>())
        {
            var actual = ticket.Customer?.CustomFields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value;
            if (!Is(value, actual, $"CRM {field}", reasons)) return null;
        }
        if (when.Keywords is { Count: > 0 } keywords)
        {
            var text = customerText();
            var found = keywords.FirstOrDefault(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (found is null) return null;
            reasons.Add($"the customer wrote \"{found}\"");
        }
        if (when.Hours is { } hours)
        {
            var inHours = businessOpen();
            if (inHours != (hours == RoutingRulesFile.InHours)) return null;
            reasons.Add(inHours ? "in business hours" : "out of business hours");
        }
        return reasons;
    }

    private static bool Is(string? wanted, string? actual, string what, List<string> reasons)
    {
        if (wanted is null) return true;
        if (!string.Equals(wanted, actual?.Trim(), StringComparison.OrdinalIgnoreCase)) return false;
        reasons.Add($"{what} is {wanted}");
        return true;
    }
}
