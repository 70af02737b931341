using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Privacy;
using SmbBot.Host.KnowledgeEditor;

namespace SmbBot.Host.Pages.Console;

/// <summary>Every published version of the knowledge, what changed in each, and one-click rollback (a publish of the old version, audited).</summary>
public sealed class KnowledgeHistoryModel(IKnowledgeVersionStore versions, KnowledgePublisher publisher, SmbBot.Host.Configuration.SmbBotPaths paths,
    IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Diff { get; set; }

    public IReadOnlyList<KnowledgeVersion> Versions { get; private set; } = [];
    public IReadOnlyList<FaqEntryChange>? Changes { get; private set; }
    public string? DiffProblem { get; private set; }
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];
    public PublishStatus Status => publisher.Status;
    public string? Message { get; private set; }

    public void OnGet()
    {
        Message = TempData["message"] as string;
        Versions = versions.List();
        Audit = audit.RecentStartingWith("knowledge");
        if (Diff is not { } n || versions.Files(n) is not { } files) return;
        try
        {
            var after = Faq(files);
            var before = versions.Files(n - 1) is { } previous ? Faq(previous) : [];
            Changes = FaqDiff.Compare(before, after);
        }
        catch (KnowledgeFileException e)
        {
            DiffProblem = e.Message;
        }
    }

    private IReadOnlyList<FaqEntry> Faq(IReadOnlyDictionary<string, byte[]> files)
    {
        using var checkout = KnowledgeCheckout.Write(files, paths.Data);
        return KnowledgeBase.Load(checkout.Path).Faq;
    }

    public IActionResult OnPostRollback(int version)
    {
        if (versions.Get(version) is null)
        {
            TempData["message"] = $"There is no version {version}.";
            return Redirect("/console/knowledge/history");
        }
        var actor = User.Identity!.Name!;
        publisher.Request(new PublishRequest(PublishSource.Version, actor, version));
        audit.Add(new AuditEntry { At = clock.GetUtcNow().UtcDateTime, Actor = actor, Action = "knowledge-rollback-request", Detail = $"rollback to version {version} requested" });
        TempData["message"] = $"Rolling back to version {version} in the background (its golden questions are checked first).";
        return Redirect("/console/knowledge");
    }
}
