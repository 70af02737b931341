using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;

namespace SmbBot.Host.Pages.Console;

/// <summary>
/// The queue's views by routing: "my tickets" (assigned to me), "my teams" (my teams' tickets and those of no team)
/// and "all" (admins), each with the number of tickets it holds under the page's other filters.
/// </summary>
public sealed record QueueTabs(string Current, IReadOnlyList<QueueTab> Tabs)
{
    public const string Mine = "mine";
    public const string Teams = "teams";
    public const string All = "all";

    /// <summary>The view asked for (an agent asking for "all" gets "my teams"), its query, and the counts of every tab.</summary>
    public static (QueueTabs Tabs, TicketQuery Query) For(string? view, TicketQuery filters, string staffId, bool isAdmin, ITeamStore teams, ITicketStore store)
    {
        var myTeams = teams.Of(staffId).Select(t => t.Id).ToArray();
        var queries = new List<(string View, string Label, TicketQuery Query)>
        {
            (Mine, "My tickets", filters with { AssignedToId = staffId }),
            (Teams, "My teams", filters with { TeamIds = myTeams }),
        };
        if (isAdmin) queries.Add((All, "All", filters));
        var current = queries.FirstOrDefault(q => q.View == view).View ?? (isAdmin ? All : Teams);
        var tabs = queries.Select(q => new QueueTab(q.View, q.Label, store.Count(q.Query))).ToArray();
        return (new QueueTabs(current, tabs), queries.First(q => q.View == current).Query);
    }
}

public sealed record QueueTab(string View, string Label, int Count);
