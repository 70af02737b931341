using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Pages.Console;

public sealed class StaffModel(StaffStore staff) : PageModel
{
    public IReadOnlyList<StaffAccount> Accounts { get; private set; } = [];
    public string? Message { get; private set; }

    public void OnGet()
    {
        Accounts = staff.All();
        Message = TempData["message"] as string;
    }

    public IActionResult OnPostAdd(string? name, string? email, string? role, string? password)
    {
        var (account, problem) = staff.Add(email ?? "", name ?? "", role ?? "", password ?? "");
        TempData["message"] = account is null ? $"Not added: {problem}." : $"{account.DisplayName} can now sign in.";
        return Redirect("/console/staff");
    }

    public IActionResult OnPostToggle(string id)
    {
        var account = staff.Get(id);
        if (account is null) return NotFound();
        var problem = staff.SetDisabled(id, !account.Disabled);
        TempData["message"] = problem ?? $"{account.DisplayName} is {(account.Disabled ? "enabled" : "disabled")}.";
        return Redirect("/console/staff");
    }
}
