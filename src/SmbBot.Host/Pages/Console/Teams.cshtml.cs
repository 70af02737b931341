using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Staff;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Pages.Console;

/// <summary>Admins create teams, put staff in them and choose how each gives out its tickets.</summary>
public sealed class TeamsModel(ITeamStore teams, StaffStore staff, RoutingRulesSource rules, TicketRouting routing, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(AutoAssign Mode, string Text)> Modes =
        [(AutoAssign.Off, "off: members take tickets"), (AutoAssign.RoundRobin, "round-robin"), (AutoAssign.LeastOpen, "fewest open tickets")];

    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];
    public string? Message { get; private set; }

    public void OnGet()
    {
        Teams = teams.All();
        Staff = staff.All();
        Message = TempData["message"] as string;
    }

    public IActionResult OnPostSave(string? id, string? name, AutoAssign? mode, string[]? members)
    {
        if (mode is null || !Enum.IsDefined(mode.Value)) return Done("Not saved: choose how tickets are assigned.");
        var known = (members ?? []).Where(m => staff.Get(m) is not null);
        var before = teams.Get(id)?.Name;
        var (team, problem) = teams.Save(id, name ?? "", known, mode.Value);
        if (team is null) return Done($"Not saved: {problem}.");
        var renamed = before is not null && !string.Equals(before, team.Name, StringComparison.OrdinalIgnoreCase) && UsedBy(before) is { } rule
            ? $" Rule '{rule}' still names {before}: change it on the Routing page." : "";
        return Done($"{team.Name} saved.{renamed}");
    }

    public IActionResult OnPostDelete(string? id)
    {
        if (teams.Get(id) is not { } team) return NotFound();
        if (UsedBy(team.Name) is { } rule) return Done($"Not deleted: rule '{rule}' sends tickets to {team.Name}; change that rule first.");
        teams.Delete(team.Id);
        return Done($"{team.Name} deleted.");
    }

    /// <summary>How the person is, e.g. "(away until Fri 28 Nov 17:00)".</summary>
    public string State(StaffAccount a)
    {
        var member = a.AsMember();
        var now = clock.GetUtcNow().UtcDateTime;
        if (member.Disabled) return "(disabled)";
        if (!member.IsAway(now)) return "";
        return a.AwayUntil is { } until ? $"(away until {routing.Calendar.Local(until):ddd d MMM HH:mm})" : "(away)";
    }

    private string? UsedBy(string teamName) =>
        rules.Rules.FirstOrDefault(r => string.Equals(r.Then.Team, teamName, StringComparison.OrdinalIgnoreCase))?.Name;

    private RedirectResult Done(string message)
    {
        TempData["message"] = message;
        return Redirect("/console/teams");
    }
}
