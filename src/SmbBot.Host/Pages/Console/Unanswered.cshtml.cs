using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Host.Insight;
using SmbBot.Understanding;

namespace SmbBot.Host.Pages.Console;

/// <summary>The unanswered inbox: groups of messages the bot could not answer, and what the owner does with each.</summary>
public sealed class UnansweredModel(UnansweredInbox inbox, BotRuntime runtime) : PageModel
{
    public IReadOnlyList<InboxGroup> Groups { get; private set; } = [];
    public int Open { get; private set; }
    public IReadOnlyList<InboxChangeView> Changes { get; private set; } = [];
    public IReadOnlyList<FaqEntry> Entries => runtime.Knowledge?.Faq ?? [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    private string Actor => User.FindFirstValue(ClaimTypes.Name) ?? User.Identity?.Name ?? "staff";

    public void OnGet()
    {
        Message = TempData["message"] as string;
        Problem = TempData["problem"] as string;
        (Groups, Open) = inbox.Groups();
        Changes = inbox.Changes();
    }

    public IActionResult OnPostDismiss(string ids) => Run(ids, list => inbox.Dismiss(list, Actor));

    public IActionResult OnPostAlternates(string ids, string faqId) => Run(ids, list => inbox.AddAlternates(list, faqId ?? "", Actor));

    public IActionResult OnPostNewEntry(string ids, string question, string answer, string category) =>
        Run(ids, list => inbox.NewEntry(list, question, answer, category, Actor));

    private IActionResult Run(string ids, Func<IReadOnlyList<int>, string> action)
    {
        var list = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, out var n) ? n : -1).ToArray();
        try
        {
            if (list.Length == 0 || list.Any(n => n < 0)) throw new InboxException("no messages were chosen");
            TempData["message"] = action(list);
        }
        catch (Exception e) when (e is InboxException or KnowledgeFileException)
        {
            TempData["problem"] = "Nothing was changed: " + e.Message;
        }
        return Redirect("/console/unanswered");
    }
}
