using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Staff;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Pages.Console;

/// <summary>
/// Admins edit the routing rules: a list in order (first match wins) with move up/down, edit, delete and add. Every
/// change is checked, written to <c>knowledge/routing.json</c> atomically and used at once; a bad one writes nothing.
/// </summary>
public sealed class RoutingRulesModel(RoutingRulesSource source, ITeamStore teams, StaffStore staff, EscalationOptions escalation) : PageModel
{
    public IReadOnlyList<RoutingRule> Rules { get; private set; } = [];
    public string Version { get; private set; } = "";
    public IReadOnlyList<string> TeamNames { get; private set; } = [];
    public IReadOnlyList<StaffAccount> Staff { get; private set; } = [];
    public IReadOnlyList<string> Categories => escalation.Rules.Values.Select(r => r.Category).Distinct().Order().ToArray();
    public IReadOnlyList<string> Intents => SmbBot.Core.Routing.Intents.Required.Order().ToArray();

    /// <summary>The rule being edited (its index; -1 for a new one) and its fields.</summary>
    public int EditIndex { get; private set; } = -1;
    public RuleForm Form { get; private set; } = new();
    public bool Editing { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    public void OnGet(int? edit)
    {
        Load();
        Message = TempData["message"] as string;
        if (edit is { } i && i >= 0 && i < Rules.Count) (EditIndex, Form, Editing) = (i, RuleForm.From(Rules[i]), true);
    }

    public IActionResult OnPostSave(int index, string? version, RuleForm form)
    {
        Load();
        var (rule, problem) = form.ToRule();
        var rules = Rules.ToList();
        if (rule is not null)
        {
            if (index >= 0 && index < rules.Count) rules[index] = rule;
            else rules.Add(rule);
            problem = RoutingRulesFile.Check(rules) ?? RoutingRulesFile.Unknown([rule], TeamNames, Staff.Select(s => s.Email)) ?? source.Replace(version ?? "", rules);
        }
        if (problem is null) return Done($"Rule '{rule!.Name}' saved; new tickets follow it now.");
        (EditIndex, Form, Editing, Error) = (index < Rules.Count ? index : -1, form, true, $"Not saved: {problem}.");
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public IActionResult OnPostMove(int index, int by, string? version)
    {
        Load();
        var to = index + Math.Sign(by);
        if (index < 0 || index >= Rules.Count || to < 0 || to >= Rules.Count) return Done("Nothing to move.");
        var rules = Rules.ToList();
        (rules[index], rules[to]) = (rules[to], rules[index]);
        return Done(source.Replace(version ?? "", rules) is { } problem ? $"Not moved: {problem}." : $"Rule '{rules[to].Name}' moved {(by < 0 ? "up" : "down")}.");
    }

    public IActionResult OnPostDelete(int index, string? version)
    {
        Load();
        if (index < 0 || index >= Rules.Count) return Done("There is no such rule.");
        var rules = Rules.ToList();
        var name = rules[index].Name;
        rules.RemoveAt(index);
        return Done(source.Replace(version ?? "", rules) is { } problem ? $"Not deleted: {problem}." : $"Rule '{name}' deleted.");
    }

    private void Load()
    {
        Rules = source.Rules;
        Version = source.Version;
        TeamNames = teams.All().Select(t => t.Name).ToArray();
        Staff = staff.All().Where(a => !a.Disabled).ToArray();
    }

    private RedirectResult Done(string message)
    {
        TempData["message"] = message;
        return Redirect("/console/routing");
    }
}
