using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Privacy;

namespace SmbBot.Host.Pages.Console;

/// <summary>
/// Admin page for a customer's data requests: find what is held about a person, download it as JSON, or erase it.
/// Every export and erasure is audited.
/// </summary>
public sealed class PrivacyModel(PersonalData data, IAuditLog audit) : PageModel
{
    /// <summary>What the admin typed to confirm an erasure.</summary>
    public const string EraseConfirmation = "ERASE";

    /// <summary>What the admin searched for; only ever in a form body, so no address ends up in a proxy's access log.</summary>
    [BindProperty] public string? Customer { get; set; }
    public PersonalDataReport? Report { get; private set; }
    public string? Message { get; private set; }
    public IReadOnlyList<AuditEntry> Audit { get; private set; } = [];

    private string Actor => User.Identity!.Name!;

    public void OnGet()
    {
        Message = TempData["message"] as string;
        Audit = audit.Recent();
    }

    public PageResult OnPostFind() => Show(null);

    public IActionResult OnPostExport()
    {
        var (subject, problem) = PersonalDataSubject.From(Customer);
        if (subject is null) return Back($"Nothing exported: {problem}.");
        var document = data.Export(subject, Actor);
        var bytes = Encoding.UTF8.GetBytes(document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
        return File(bytes, "application/json", $"customer-data-{subject.Fingerprint()}.json");
    }

    private PageResult Show(string? message)
    {
        Audit = audit.Recent();
        var (subject, problem) = PersonalDataSubject.From(Customer);
        if (subject is null) Message = $"Nothing searched: {problem}.";
        else (Report, Message) = (data.Find(subject), message);
        return Page();
    }

    public IActionResult OnPostErase(string? confirm)
    {
        var (subject, problem) = PersonalDataSubject.From(Customer);
        if (subject is null) return Back($"Nothing erased: {problem}.");
        if (confirm?.Trim() != EraseConfirmation) return Show($"Nothing erased: type {EraseConfirmation} to confirm.");
        var erased = data.Erase(subject, Actor);
        return Back(erased.Total == 0
            ? "Nothing was held about this customer; the request is recorded in the audit log."
            : $"Erased ({string.Join(", ", erased.Parts.Where(p => p.Count > 0).Select(p => $"{p.Holder}: {p.Count}"))}). The audit log records the request, not the data.");
    }

    private RedirectResult Back(string message)
    {
        TempData["message"] = message;
        return Redirect("/console/privacy");
    }
}
