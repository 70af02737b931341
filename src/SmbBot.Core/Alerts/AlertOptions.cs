using System.ComponentModel.DataAnnotations;
using SmbBot.Core.Crm;

namespace SmbBot.Core.Alerts;

/// <summary>Who is told about tickets, and how hard the outbox tries (section <c>Alerts</c>).</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string SectionName = "Alerts";

    public AlertEmail Email { get; set; } = new();

    public AlertWebhook Webhook { get; set; } = new();

    /// <summary>The console's public address, e.g. <c>https://support.example.com</c>; alerts link to the ticket page under it.</summary>
    public string? ConsoleUrl { get; set; }

    /// <summary>Share of a ticket's reply time after which a ticket nobody took is alerted again.</summary>
    [Range(0.05, 1.0)] public double RealertAt { get; set; } = 0.5;

    /// <summary>Share of a ticket's reply time after which a ticket nobody took goes to the admins.</summary>
    [Range(0.1, 10.0)] public double AdminsAt { get; set; } = 1.0;

    /// <summary>Tries before an alert is given up (it stays on the ticket page and in <c>/health/ready</c>).</summary>
    [Range(1, 100)] public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait before the first retry; it doubles with every failure up to <see cref="MaxRetrySeconds"/>.</summary>
    [Range(1, 3600)] public int RetrySeconds { get; set; } = 30;

    [Range(1, 86_400)] public int MaxRetrySeconds { get; set; } = 3600;

    /// <summary>How often open tickets nobody took are checked.</summary>
    [Range(1, 3600)] public int CheckSeconds { get; set; } = 30;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var to in Email.To.Where(t => !CustomerCsvLoader.IsEmail(t.Trim())))
            yield return new ValidationResult($"Alerts:Email:To '{to}' is not an e-mail address");
        if (!string.IsNullOrWhiteSpace(Webhook.Url))
        {
            if (!Uri.TryCreate(Webhook.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
                yield return new ValidationResult("Alerts:Webhook:Url must be an absolute http(s) address");
            if ((Webhook.Secret ?? "").Length < AlertWebhook.MinSecretLength)
                yield return new ValidationResult($"Alerts:Webhook:Secret must have at least {AlertWebhook.MinSecretLength} characters when Alerts:Webhook:Url is set (it signs every post)");
        }
        if (!string.IsNullOrWhiteSpace(ConsoleUrl) && (!Uri.TryCreate(ConsoleUrl, UriKind.Absolute, out var console) || console.Scheme is not ("https" or "http")))
            yield return new ValidationResult($"Alerts:ConsoleUrl '{ConsoleUrl}' must be an absolute http(s) address such as https://support.example.com");
        if (AdminsAt < RealertAt)
            yield return new ValidationResult($"Alerts:AdminsAt ({AdminsAt}) must not be below Alerts:RealertAt ({RealertAt})");
        if (MaxRetrySeconds < RetrySeconds)
            yield return new ValidationResult("Alerts:MaxRetrySeconds must not be below Alerts:RetrySeconds");
    }

    /// <summary>The link to a ticket's page: absolute with <see cref="ConsoleUrl"/>, else the path.</summary>
    public string TicketLink(string number) =>
        $"{(ConsoleUrl ?? "").TrimEnd('/')}/console/tickets/{Uri.EscapeDataString(number)}";
}

public sealed class AlertEmail
{
    /// <summary>Shared addresses (a team inbox) that get new, urgent and unclaimed tickets.</summary>
    public List<string> To { get; set; } = [];
}

public sealed class AlertWebhook
{
    public const int MinSecretLength = 16;

    /// <summary>Where alerts are posted as JSON (a Slack or Teams incoming webhook, or your own). Treated as a secret: never logged.</summary>
    public string? Url { get; set; }

    /// <summary>Key of the <c>X-SmbBot-Signature</c> HMAC-SHA256 header.</summary>
    public string? Secret { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);
}
