using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Alerts;
using SmbBot.Core.Mail;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Pages.Console;

/// <summary>Each staff member chooses which alerts they get by e-mail at their own address.</summary>
public sealed class AlertsModel(StaffStore staff, MailOptions mail, SmbBot.Core.Tickets.TicketRouting routing, TimeProvider clock) : PageModel
{
    public AlertChoices Choices { get; private set; } = new();
    public string Email { get; private set; } = "";
    public bool IsAdmin { get; private set; }
    public bool MailConfigured => mail.IsConfigured;
    public string? Message { get; private set; }
    public bool Away { get; private set; }
    public string AvailabilityText { get; private set; } = "";
    /// <summary>The end of the absence for the date-time box, in the business's time zone.</summary>
    public string? AwayUntilLocal { get; private set; }

    private string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public IActionResult OnGet()
    {
        if (staff.Get(StaffId) is not { } account) return NotFound();
        Choices = account.Alerts ?? new AlertChoices();
        Email = account.Email;
        IsAdmin = account.Role == StaffRoles.Admin;
        Message = TempData["message"] as string;
        Away = account.AsMember().IsAway(clock.GetUtcNow().UtcDateTime);
        AwayUntilLocal = Away && account.AwayUntil is { } until ? routing.Calendar.Local(until).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture) : null;
        AvailabilityText = !Away ? "You are on duty." : account.AwayUntil is { } end
            ? $"You are away until {routing.Calendar.Local(end):ddd d MMM HH:mm}." : "You are away until you say you are back.";
        return Page();
    }

    public IActionResult OnPost(bool newTicket, bool urgent, bool unclaimed, bool customerMessage)
    {
        var saved = staff.SetAlerts(StaffId, new AlertChoices { NewTicket = newTicket, Urgent = urgent, Unclaimed = unclaimed, CustomerMessage = customerMessage });
        if (!saved) return NotFound();
        TempData["message"] = "Saved.";
        return Redirect("/console/alerts");
    }

    /// <summary>Sets the signed-in person on duty, or away until a date-time in the business's time zone (none: until they are back).</summary>
    public IActionResult OnPostAvailability(string? state, string? until)
    {
        var away = state == "away";
        DateTime? end = null;
        if (away && !string.IsNullOrWhiteSpace(until))
        {
            if (!DateTime.TryParse(until, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
                return Saved("Not set: the date and time could not be read.");
            end = routing.Calendar.ToUtc(local);
            if (end <= clock.GetUtcNow().UtcDateTime) return Saved("Not set: that time has already passed.");
        }
        if (!staff.SetAvailability(StaffId, away, end)) return NotFound();
        return Saved(away ? "You are marked away." : "You are on duty.");
    }

    private RedirectResult Saved(string message)
    {
        TempData["message"] = message;
        return Redirect("/console/alerts#availability");
    }
}
