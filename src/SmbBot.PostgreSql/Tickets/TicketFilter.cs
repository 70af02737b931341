using SmbBot.Core.Tickets;

namespace SmbBot.PostgreSql.Tickets;

/// <summary>The WHERE clause of a queue query, with its positional parameters.</summary>
internal static class TicketFilter
{
    public static (string Where, IReadOnlyList<object> Values) Where(TicketQuery query)
    {
        var conditions = new List<string>();
        var values = new List<object>();
        string Next(object value)
        {
            values.Add(value);
            return $"${values.Count}";
        }
        if (query.Statuses is { Count: > 0 } statuses) conditions.Add($"status = ANY({Next(statuses.Select(s => s.ToString()).ToArray())})");
        if (query.Priority is { } priority) conditions.Add($"priority = {Next((int)priority)}");
        if (!string.IsNullOrEmpty(query.Category)) conditions.Add($"category = {Next(query.Category)}");
        if (query.AssignedToId == "") conditions.Add("assigned_to_id IS NULL");
        else if (query.AssignedToId is { } assignee) conditions.Add($"assigned_to_id = {Next(assignee)}");
        // A ticket of no team (empty team id) is in every team's queue.
        if (query.TeamIds is { } teams) conditions.Add($"team_id = ANY({Next(teams.Append("").ToArray())})");
        return (conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions), values);
    }
}
