using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Host.Pages.Console;

public sealed class QueueModel(ITicketStore store, EscalationOptions escalation, TimeProvider clock, SmbBot.Core.Teams.ITeamStore teams) : PageModel
{
    public string Status { get; private set; } = "open-all";
    public string? Priority { get; private set; }
    public string? Category { get; private set; }
    public string Assignee { get; private set; } = "";
    /// <summary>The search text; when set, the page lists what it finds instead of the filtered queue.</summary>
    public string? Search { get; private set; }
    /// <summary>True when the search found more than the page shows.</summary>
    public bool MoreFound { get; private set; }
    public IReadOnlyList<Ticket> Tickets { get; private set; } = [];
    public int Total { get; private set; }
    public QueueTabs Tabs { get; private set; } = new(QueueTabs.All, []);
    public IReadOnlyList<string> Categories => escalation.Rules.Values.Select(r => r.Category).Distinct().Order().ToArray();

    public void OnGet(string? status, string? priority, string? category, string? assignee, string? q, string? view)
    {
        if (!string.IsNullOrWhiteSpace(q))
        {
            Search = q.Trim();
            (Tickets, MoreFound) = store.Search(Search, take: 50);
            Total = Tickets.Count;
            return;
        }
        Status = status ?? "open-all";
        Priority = Names.TryParseName<TicketPriority>(priority, out var p) ? priority!.Trim().ToLowerInvariant() : null;
        Category = string.IsNullOrWhiteSpace(category) ? null : category;
        Assignee = assignee is "me" or "none" ? assignee : "";
        TicketStatus[] statuses = Status switch
        {
            "new" => [TicketStatus.New], "open" => [TicketStatus.Open], "pending" => [TicketStatus.Pending],
            "resolved" => [TicketStatus.Resolved], "closed" => [TicketStatus.Closed],
            _ => [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending],
        };
        var assignedTo = Assignee switch { "me" => User.FindFirstValue(ClaimTypes.NameIdentifier), "none" => "", _ => null };
        var filters = new TicketQuery(statuses, Priority is null ? null : p, Category, assignedTo, Take: 100);
        (Tabs, var query) = QueueTabs.For(view, filters, User.FindFirstValue(ClaimTypes.NameIdentifier)!, User.IsInRole(SmbBot.Core.Staff.StaffRoles.Admin), teams, store);
        (Tickets, Total) = store.Queue(query);
    }

    /// <summary>Time left to the response target, or how late it is, in words.</summary>
    public (string Text, bool Overdue) DueText(Ticket t)
    {
        if (!t.IsOpen) return (t.ResolvedAt is { } r ? $"resolved {r:dd MMM HH:mm}" : "—", false);
        if (t.FirstResponseAt is not null) return ("answered", false);
        var left = t.FirstResponseDue - clock.GetUtcNow().UtcDateTime;
        return left < TimeSpan.Zero ? ($"overdue by {Span(-left)}", true) : ($"in {Span(left)}", false);
    }

    /// <summary>What the ticket is about: the customer's first real question, else the reason.</summary>
    public string Preview(Ticket t) => TicketAbout.Of(t);

    private static string Span(TimeSpan s) => s.TotalDays >= 1 ? $"{(int)s.TotalDays} d {s.Hours} h" : s.TotalHours >= 1 ? $"{(int)s.TotalHours} h {s.Minutes} min" : $"{Math.Max(1, (int)s.TotalMinutes)} min";
}
