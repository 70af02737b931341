using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Business;
using SmbBot.Core.Privacy;

namespace SmbBot.Host.Pages.Console;

/// <summary>
/// Admin page for the business settings: name, greeting, topics, colours, avatar, hand-over contact, weekly hours and
/// time zone. A save applies to the next chat, is refused whole when anything is wrong or someone saved in between,
/// and is audited.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
[RequestSizeLimit(MaxUploadBytes + 64 * 1024)]
public sealed class SettingsModel(BusinessSettings settings, IAuditLog audit, TimeProvider clock) : PageModel
{
    /// <summary>The form takes a little over the largest avatar, so a slightly larger file still gets a clear message.</summary>
    public const int MaxUploadBytes = 4 * AvatarImage.MaxBytes;
    public const string AuditAction = "settings";

    [BindProperty] public SettingsForm Form { get; set; } = new();
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Conflict { get; private set; }
    public string? Message { get; private set; }
    public BusinessSettings Settings => settings;
    public IReadOnlyList<AuditEntry> Changes { get; private set; } = [];

    public void OnGet()
    {
        Form = SettingsForm.From(settings.Current, settings.Version);
        Message = TempData["message"] as string;
        Changes = audit.Recent(AuditAction);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? avatar)
    {
        AvatarImage? image = null;
        if (avatar is { Length: > 0 })
        {
            var (read, problem) = await ReadAsync(avatar);
            if (read is null) return Refused([$"Nothing was saved: {problem}."]);
            image = read;
        }
        var result = settings.Save(Form.ToProfile(), Form.Version, image, Form.RemoveAvatar);
        if (!result.Saved) return Refused(result.Problems.Select(p => $"Nothing was saved: {p}.").ToArray(), result.Conflict);
        if (result.Changed.Count > 0)
        {
            audit.Add(new AuditEntry
            {
                At = clock.GetUtcNow().UtcDateTime, Actor = User.Identity!.Name!, Action = AuditAction,
                Subject = "business settings", Detail = "changed " + string.Join(", ", result.Changed),
            });
        }
        TempData["message"] = result.Changed.Count == 0 ? "Nothing had changed." : $"Saved ({string.Join(", ", result.Changed)}). New chats use it now.";
        return Redirect("/console/settings");
    }

    private PageResult Refused(IReadOnlyList<string> problems, bool conflict = false)
    {
        (Problems, Conflict) = (problems, conflict);
        Changes = audit.Recent(AuditAction);
        return Page();
    }

    /// <summary>Reads at most one byte more than an avatar may have, so a huge file is never held whole.</summary>
    private static async Task<(AvatarImage? Image, string? Problem)> ReadAsync(IFormFile file)
    {
        if (file.Length > AvatarImage.MaxBytes) return (null, $"the avatar is {file.Length / 1024} KB; at most {AvatarImage.MaxBytes / 1024} KB");
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        await stream.CopyToAsync(buffer);
        return AvatarImage.Read(buffer.ToArray());
    }
}
