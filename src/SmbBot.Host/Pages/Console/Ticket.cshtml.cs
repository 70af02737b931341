using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Bot;
using SmbBot.Core;
using SmbBot.Core.Outbox;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;

namespace SmbBot.Host.Pages.Console;

public sealed class TicketModel(ITicketStore store, TicketDesk desk, StaffChat chat, IOutboxStore outbox, ITeamStore teams, IStaffRoster roster, TimeProvider clock) : PageModel
{
    public Ticket? Ticket { get; private set; }
    /// <summary>Alerts about this ticket that failed to go out (waiting for a retry, or given up).</summary>
    public IReadOnlyList<OutboxMessage> FailedAlerts { get; private set; } = [];
    public IReadOnlyList<Ticket> Earlier { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>True while staff are asked to confirm resolving (<c>?confirm=resolve</c>).</summary>
    public bool ConfirmResolve { get; private set; }
    public string StaffId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;
    private string StaffName => User.Identity!.Name!;
    public bool IsAdmin => User.IsInRole(SmbBot.Core.Staff.StaffRoles.Admin);
    /// <summary>Teams and enabled staff an admin can move the ticket to.</summary>
    public IReadOnlyList<Team> Teams { get; private set; } = [];
    public IReadOnlyList<StaffMember> Staff { get; private set; } = [];
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IActionResult OnGet(string number, string? confirm)
    {
        ConfirmResolve = confirm == "resolve";
        return Load(number) ? Page() : NotFound();
    }

    /// <summary>The statuses staff set with the selector: new comes from the bot, resolved from the Resolve button.</summary>
    public static bool Settable(string status) => status is "open" or "pending" or "closed";

    public async Task<IActionResult> OnPostClaimAsync(string number)
    {
        if (!Load(number)) return NotFound();
        // Given automatically but not taken yet: taking it is when the customer hears who joined.
        var before = Ticket!.AutoAssignedAt is null ? Ticket.AssignedToId : null;
        desk.Claim(Ticket.Id, StaffId, StaffName);
        // The customer hears who joined when the ticket changes hands, not when its owner claims it again.
        if (before != StaffId && Ticket.IsOpen) await chat.JoinedAsync(Ticket, StaffName);
        return Done(number, "You have taken this ticket; the bot stays quiet while you answer.");
    }

    public async Task<IActionResult> OnPostReplyAsync(string number, string? text)
    {
        if (!Load(number)) return NotFound();
        var clean = TextNormalizer.Clean(text, TicketDesk.MaxStaffText);
        if (clean.Length == 0) return Done(number, "Type a reply first.");
        var delivered = await chat.ReplyAsync(Ticket!, StaffId, StaffName, clean);
        return Done(number, delivered ? "Sent to the customer's chat." : "The chat could not be reached; the reply is kept on the ticket.");
    }

    public IActionResult OnPostNote(string number, string? text)
    {
        var clean = TextNormalizer.Clean(text, TicketDesk.MaxStaffText);
        return clean.Length == 0 ? Done(number, "Type a note first.") : Act(number, t => desk.AddNote(t.Id, StaffName, clean), "Note added.");
    }

    public IActionResult OnPostPriority(string number, string? priority) =>
        Names.TryParseName<TicketPriority>(priority, out var p)
            ? Act(number, t => desk.SetPriority(t.Id, p, StaffName), $"Priority set to {p.ToString().ToLowerInvariant()}.")
            : BadRequest("unknown priority");

    public IActionResult OnPostStatus(string number, string? status) =>
        string.IsNullOrEmpty(status) ? Done(number, "Choose open, pending or closed, then Set status.")
        : Settable(status) && Names.TryParseName<TicketStatus>(status, out var s)
            ? Act(number, t => desk.SetStatus(t.Id, s, StaffName), $"Status set to {status}.")
            : BadRequest("unknown status");

    /// <summary>An admin moves the ticket to a team and/or a person (empty: none).</summary>
    public IActionResult OnPostMove(string number, string? team, string? person)
    {
        if (!IsAdmin) return Forbid();
        var toTeam = string.IsNullOrEmpty(team) ? null : teams.Get(team);
        var toPerson = string.IsNullOrEmpty(person) ? null : roster.Members().FirstOrDefault(m => m.Id == person && !m.Disabled);
        if ((toTeam is null && !string.IsNullOrEmpty(team)) || (toPerson is null && !string.IsNullOrEmpty(person))) return Done(number, "Not moved: that team or person no longer exists.");
        return Act(number, t => desk.Move(t.Id, toTeam, toPerson, StaffName), $"Moved to {toTeam?.Name ?? "no team"}{(toPerson is null ? "" : $", {toPerson.Name}")}.");
    }

    public async Task<IActionResult> OnPostResolveAsync(string number, string? confirmed)
    {
        if (!Load(number)) return NotFound();
        // Resolving ends the person's part of the chat: it is asked for twice, and a post without the second step only asks.
        if (confirmed != "yes") return Redirect($"/console/tickets/{Uri.EscapeDataString(number)}?confirm=resolve");
        var delivered = await chat.ResolveAsync(Ticket!, StaffName);
        return Done(number, delivered ? "Resolved. The bot has taken the conversation back and asked for a rating." : "Resolved. The chat could not be reached to say so.");
    }

    /// <summary>A UTC time in the reader's terms (the business's time zone).</summary>
    public string Local(DateTime utc) => desk.Routing.Calendar.Local(utc).ToString("ddd d MMM HH:mm");

    private bool Load(string number)
    {
        Ticket = store.Get(number);
        if (Ticket is null) return false;
        Earlier = store.ForCustomer(Ticket.Customer?.Id, Ticket.CustomerEmail, Ticket.Id);
        FailedAlerts = outbox.FailingFor(Ticket.Id);
        if (IsAdmin)
        {
            Teams = teams.All();
            Staff = roster.Members().Where(m => !m.Disabled).OrderBy(m => m.Name).ToArray();
        }
        Message = TempData["message"] as string;
        return true;
    }

    private IActionResult Act(string number, Func<Ticket, Ticket?> action, string message)
    {
        if (!Load(number)) return NotFound();
        action(Ticket!);
        return Done(number, message);
    }

    private RedirectResult Done(string number, string message)
    {
        TempData["message"] = message;
        return Redirect($"/console/tickets/{Uri.EscapeDataString(number ?? "")}"); // a blank route value binds as null
    }
}
