using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Alerts;
using SmbBot.Core.Mail;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Pages.Console;

/// <summary>Each staff member chooses which alerts they get by e-mail at their own address.</summary>
public sealed class AlertsModel(StaffStore staff, MailOptions mail) : PageModel
{
    public AlertChoices Choices { get; private set; } = new();
    public string Email { get; private set; } = "";
    public bool IsAdmin { get; private set; }
    public bool MailConfigured => mail.IsConfigured;
    public string? Message { get; private set; }

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public IActionResult OnGet()
    {
        if (staff.Get(StaffId) is not { } account) return NotFound();
        Choices = account.Alerts ?? new AlertChoices();
        Email = account.Email;
        IsAdmin = account.Role == StaffRoles.Admin;
        Message = TempData["message"] as string;
        return Page();
    }

    public IActionResult OnPost(bool newTicket, bool urgent, bool unclaimed, bool customerMessage)
    {
        var saved = staff.SetAlerts(StaffId, new AlertChoices { NewTicket = newTicket, Urgent = urgent, Unclaimed = unclaimed, CustomerMessage = customerMessage });
        if (!saved) return NotFound();
        TempData["message"] = "Saved.";
        return Redirect("/console/alerts");
    }
}
