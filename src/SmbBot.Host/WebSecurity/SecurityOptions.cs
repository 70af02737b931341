using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace SmbBot.Host.WebSecurity;

/// <summary>Browser security settings (section <c>Security</c>).</summary>
public sealed partial class SecurityOptions : IValidatableObject
{
    public const string SectionName = "Security";

    /// <summary>
    /// Who may show the website's pages (the chat page) in a frame, as a Content-Security-Policy <c>frame-ancestors</c>
    /// list: <c>'self'</c>, <c>'none'</c>, or origins such as <c>https://www.yourshop.com</c>. The console and the APIs
    /// are never framed.
    /// </summary>
    public string FrameAncestors { get; set; } = "'self'";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Problem(FrameAncestors) is { } problem) yield return new ValidationResult($"Security:FrameAncestors {problem}");
    }

    /// <summary>What is wrong with a frame-ancestors list, or null.</summary>
    public static string? Problem(string? ancestors)
    {
        var sources = (ancestors ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (sources.Length == 0) return "must not be empty: use 'none' to forbid framing, 'self' for this site only";
        if (sources.Contains("'none'") && sources.Length > 1) return "cannot list 'none' with other sources";
        return sources.FirstOrDefault(s => s is not ("'self'" or "'none'") && !Origin().IsMatch(s)) is { } bad
            ? $"has '{bad}': list 'self', 'none' or origins like https://www.yourshop.com, separated by spaces"
            : null;
    }

    [GeneratedRegex(@"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?$")]
    private static partial Regex Origin();
}
