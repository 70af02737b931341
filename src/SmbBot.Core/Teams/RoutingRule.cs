namespace SmbBot.Core.Teams;

/// <summary>One line of <c>knowledge/routing.json</c>: when a new ticket matches every condition, the actions apply.</summary>
public sealed record RoutingRule(string Name, RuleConditions When, RuleActions Then);

/// <summary>What a ticket must have; empty values are not checked. Text compares ignore case.</summary>
/// <param name="Priority">urgent, high, normal or low.</param>
/// <param name="Tier">The CRM customer's tier, in the business's own names ("gold").</param>
/// <param name="Fields">CRM custom fields (the customer export's other columns) and the value each must have.</param>
/// <param name="Keywords">Any one of these in the customer's messages on the ticket.</param>
/// <param name="Hours"><c>in</c> or <c>out</c> of business hours when the ticket is opened.</param>
public sealed record RuleConditions(
    string? Category = null,
    string? Intent = null,
    string? Priority = null,
    string? Tier = null,
    IReadOnlyDictionary<string, string>? Fields = null,
    string? Language = null,
    IReadOnlyList<string>? Keywords = null,
    string? Hours = null)
{
    /// <summary>True when no condition is set: the rule matches every ticket.</summary>
    public bool IsEmpty => Category is null && Intent is null && Priority is null && Tier is null && Fields is not { Count: > 0 }
        && Language is null && Keywords is not { Count: > 0 } && Hours is null;
}

/// <summary>What a matching rule does; empty values do nothing.</summary>
/// <param name="Team">A team's name.</param>
/// <param name="Person">A staff member's e-mail address (their sign-in name).</param>
/// <param name="Priority">urgent, high, normal or low (the due times follow).</param>
/// <param name="Tag">A short label shown on the ticket.</param>
public sealed record RuleActions(string? Team = null, string? Person = null, string? Priority = null, string? Tag = null);

/// <summary>What the rules decided for a ticket, and why, in words staff read on the ticket page.</summary>
public sealed record RoutingDecision(string Rule, string Why, RuleActions Actions);
