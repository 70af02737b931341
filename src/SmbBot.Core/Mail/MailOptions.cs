using System.ComponentModel.DataAnnotations;
using SmbBot.Core.Crm;

namespace SmbBot.Core.Mail;

/// <summary>How the business's mailbox is reached (section <c>Mail</c>). No <c>Smtp:Host</c>: the bot sends no e-mail.</summary>
public sealed class MailOptions : IValidatableObject
{
    public const string SectionName = "Mail";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>The sender, <c>help@example.com</c> or <c>Harbour &amp; Pine &lt;help@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>The support mailbox customers' e-mailed answers are read from; no <c>Imap:Host</c>: none are read.</summary>
    public ImapSettings Imap { get; set; } = new();

    /// <summary>
    /// A staff reply the website chat has not shown the customer after this many minutes is e-mailed to them (at once
    /// when they are not in the chat at all).
    /// </summary>
    [Range(0.0, 1440.0)]
    public double CustomerReplyAfterMinutes { get; set; } = 3;

    /// <summary>A website chat that has had no stream open and fetched nothing for this long counts as left.</summary>
    [Range(1, 3600)]
    public int CustomerAwaySeconds { get; set; } = 20;

    /// <summary>At most this many e-mails to a customer per ticket in any hour; more wait on the ticket page.</summary>
    [Range(1, 100)]
    public int CustomerMailsPerHour { get; set; } = 5;

    /// <summary>True when e-mail can be sent.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>True when customers' answers are read from the support mailbox.</summary>
    public bool ReadsMailbox => !string.IsNullOrWhiteSpace(Imap.Host);

    /// <summary>The address part of <see cref="From"/>.</summary>
    public string FromAddress => Sender.Split(From).Address;

    /// <summary>The display name of <see cref="From"/>, or empty.</summary>
    public string FromName => Sender.Split(From).Name;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in Smtp.Problems("Mail:Smtp", IsConfigured)) yield return new ValidationResult(problem);
        foreach (var problem in Imap.Problems("Mail:Imap", !string.IsNullOrWhiteSpace(Imap.Host))) yield return new ValidationResult(problem);
        if (ReadsMailbox && string.IsNullOrWhiteSpace(Imap.UserName))
            yield return new ValidationResult("Mail:Imap:UserName and Mail:Imap:Password are required when Mail:Imap:Host is set (the support mailbox's sign-in)");
        if (ReadsMailbox && string.IsNullOrWhiteSpace(Imap.Folder))
            yield return new ValidationResult("Mail:Imap:Folder must name the folder customers' answers arrive in (usually INBOX)");
        if (Imap.PollSeconds is < 1 or > 3600)
            yield return new ValidationResult($"Mail:Imap:PollSeconds {Imap.PollSeconds} must be between 1 and 3600");
        if (IsConfigured && string.IsNullOrWhiteSpace(From))
            yield return new ValidationResult("Mail:From is required when Mail:Smtp:Host is set (the address alerts come from, e.g. help@example.com)");
        else if (!string.IsNullOrWhiteSpace(From) && !CustomerCsvLoader.IsEmail(FromAddress))
            yield return new ValidationResult($"Mail:From '{From}' is not an e-mail address (use help@example.com or Shop name <help@example.com>)");
    }

    private static class Sender
    {
        public static (string Name, string Address) Split(string? from)
        {
            var text = (from ?? "").Trim();
            var open = text.LastIndexOf('<');
            if (open < 0 || !text.EndsWith('>')) return ("", text);
            return (text[..open].Trim().Trim('"'), text[(open + 1)..^1].Trim());
        }
    }
}

/// <summary>How the connection to a mail server is protected.</summary>
public enum MailSecurity { None, StartTls, SslOnConnect }

/// <summary>A mail server and its sign-in: shared by SMTP and IMAP.</summary>
public abstract class MailServerSettings
{
    public string? Host { get; set; }

    /// <summary>0: the usual port for <see cref="Security"/>.</summary>
    public int Port { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = nameof(MailSecurity.StartTls);

    public string? UserName { get; set; }

    /// <summary>The password or app password; never logged or shown.</summary>
    public string? Password { get; set; }

    /// <summary>The parsed <see cref="Security"/> (valid after start-up validation).</summary>
    public MailSecurity SecurityMode => Names.TryParseName<MailSecurity>(Security, out var s) ? s : MailSecurity.StartTls;

    /// <summary><see cref="Port"/>, or the usual one for the security mode.</summary>
    public int PortInUse => Port != 0 ? Port : DefaultPort(SecurityMode);

    protected abstract int DefaultPort(MailSecurity security);

    internal IEnumerable<string> Problems(string prefix, bool configured)
    {
        if (Port is < 0 or > 65535)
            yield return $"{prefix}:Port {Port} is not a port (1-65535, or leave it out for the usual one)";
        if (!Names.TryParseName<MailSecurity>(Security, out _))
            yield return $"{prefix}:Security '{Security}' must be None, StartTls or SslOnConnect";
        if (configured && string.IsNullOrWhiteSpace(UserName) != string.IsNullOrWhiteSpace(Password))
            yield return $"{prefix}:UserName and {prefix}:Password go together: set both, or neither for a server that needs no sign-in";
    }
}

/// <summary>The outgoing server.</summary>
public sealed class SmtpSettings : MailServerSettings
{
    protected override int DefaultPort(MailSecurity security) => security switch { MailSecurity.SslOnConnect => 465, MailSecurity.None => 25, _ => 587 };
}

/// <summary>The support mailbox's incoming server.</summary>
public sealed class ImapSettings : MailServerSettings
{
    /// <summary>The folder customers' answers arrive in.</summary>
    public string Folder { get; set; } = "INBOX";

    /// <summary>How often the folder is read for unseen messages.</summary>
    public int PollSeconds { get; set; } = 60;

    protected override int DefaultPort(MailSecurity security) => security == MailSecurity.SslOnConnect ? 993 : 143;
}
