using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Privacy;
using SmbBot.Core.Routing;
using SmbBot.Host.KnowledgeEditor;
using SmbBot.Understanding;

namespace SmbBot.Host.Pages.Console;

/// <summary>
/// The FAQ editor (admins): the draft's entries with their findings, add/edit/delete, a try box that runs the draft,
/// golden questions, and publish. Every change is audited.
/// </summary>
public sealed class KnowledgeModel(KnowledgeDraft draft, KnowledgePreview preview, KnowledgePublisher publisher, BotRuntime runtime,
    IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Edit { get; set; }

    public KnowledgeBase? Draft { get; private set; }
    public DraftPreview? Preview { get; private set; }
    public IReadOnlyList<FaqEntry> Shown { get; private set; } = [];
    public IReadOnlyList<GoldenQuestion> Golden { get; private set; } = [];
    public FaqEntry? Editing { get; private set; }
    public EntryInput? Typed { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    public string? TryText { get; private set; }
    public TurnDecision? Tried { get; private set; }
    public bool HasChanges { get; private set; }
    public PublishStatus Status => publisher.Status;
    public IReadOnlyList<ThresholdInUse> Thresholds => Preview?.Version?.Thresholds ?? runtime.Thresholds;

    private string Actor => User.Identity!.Name!;

    public async Task<PageResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Message = TempData["message"] as string;
        Problem = TempData["problem"] as string;
        return await ShowAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(string? id, string? stamp, string? newId, string? question, string? alternates, string? answer,
        string? category, CancellationToken cancellationToken)
    {
        var input = new EntryInput(newId, question ?? "", alternates ?? "", answer ?? "", category ?? "");
        var result = draft.Save(string.IsNullOrEmpty(id) ? null : id, input, stamp, Actor);
        if (!result.Saved)
        {
            (Problem, Typed, Edit) = (result.Conflict ?? $"Not saved: {result.Error}.", input, string.IsNullOrEmpty(id) ? "new" : id);
            return await ShowAsync(cancellationToken);
        }
        Audited("knowledge-edit", $"{(string.IsNullOrEmpty(id) ? "added" : "changed")} {result.Id} in the draft");
        return Back($"Saved '{result.Id}' in the draft. Try it below, then publish.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id, string? stamp, CancellationToken cancellationToken)
    {
        var result = draft.Delete(id, stamp, Actor);
        if (!result.Saved)
        {
            Problem = result.Conflict ?? $"Not deleted: {result.Error}.";
            return await ShowAsync(cancellationToken);
        }
        Audited("knowledge-edit", $"deleted {id} in the draft");
        return Back($"Deleted '{id}' in the draft.");
    }

    public async Task<PageResult> OnPostTryAsync(string? question, CancellationToken cancellationToken)
    {
        TryText = question?.Trim();
        if (string.IsNullOrEmpty(TryText)) Problem = "Type a question to try.";
        await ShowAsync(cancellationToken);
        if (!string.IsNullOrEmpty(TryText) && Preview?.Version is { } version) Tried = version.Understand(TryText, runtime.Embeddings);
        return Page();
    }

    public IActionResult OnPostGolden(string? question, string? expected)
    {
        if (string.IsNullOrWhiteSpace(question) || question.Length > FaqRules.MaxQuestionLength || string.IsNullOrWhiteSpace(expected))
            return Back(null, "Not marked: a golden question needs the question (at most 300 characters) and what it must get.");
        draft.SetGolden(question, expected.Trim());
        Audited("knowledge-golden", $"'{question.Trim()}' must {(expected.Trim() == GoldenQuestions.Person ? "go to a person" : $"answer {expected.Trim()}")}");
        return Back("Golden question saved in the draft; every publish checks it.");
    }

    public IActionResult OnPostUngolden(string? question)
    {
        if (string.IsNullOrWhiteSpace(question)) return Back(null, "Nothing removed.");
        draft.SetGolden(question, null);
        Audited("knowledge-golden", $"'{question.Trim()}' is no longer a golden question");
        return Back("Golden question removed from the draft.");
    }

    public IActionResult OnPostPublish()
    {
        publisher.Request(new PublishRequest(PublishSource.Draft, Actor));
        Audited("knowledge-publish-request", "publish of the draft requested");
        return Back("Publishing in the background; the bot answers with the version in use until the new one is ready.");
    }

    public IActionResult OnPostReload()
    {
        publisher.Request(new PublishRequest(PublishSource.Disk, Actor));
        Audited("knowledge-publish-request", "reload from disk requested");
        return Back("Reading the knowledge files from disk in the background.");
    }

    private async Task<PageResult> ShowAsync(CancellationToken cancellationToken)
    {
        try
        {
            Draft = draft.Load();
            Golden = draft.Golden();
        }
        catch (KnowledgeFileException e)
        {
            Problem ??= $"The draft cannot be read: {e.Message}";
            return Page();
        }
        HasChanges = draft.HasChanges;
        Preview = await preview.GetAsync(cancellationToken);
        var q = Q?.Trim() ?? "";
        Shown = Draft.Faq
            .Where(e => string.IsNullOrEmpty(Category) || e.Category.Equals(Category, StringComparison.OrdinalIgnoreCase))
            .Where(e => q.Length == 0 || e.Id.Contains(q, StringComparison.OrdinalIgnoreCase) || e.Answer.Contains(q, StringComparison.OrdinalIgnoreCase)
                || e.Phrasings.Any(p => p.Contains(q, StringComparison.OrdinalIgnoreCase)))
            .ToArray();
        Editing = Edit is { Length: > 0 } and not "new" ? Draft.Faq.FirstOrDefault(e => e.Id == Edit) : null;
        return Page();
    }

    /// <summary>The findings of an entry in the draft.</summary>
    public IReadOnlyList<string> FindingsOf(string id) => Preview?.Findings.GetValueOrDefault(id) ?? [];

    private void Audited(string action, string detail) =>
        audit.Add(new AuditEntry { At = clock.GetUtcNow().UtcDateTime, Actor = Actor, Action = action, Detail = detail });

    private RedirectResult Back(string? message, string? problem = null)
    {
        TempData["message"] = message;
        TempData["problem"] = problem;
        return Redirect("/console/knowledge");
    }
}
