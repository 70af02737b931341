namespace SmbBot.Core.CustomerMail;

/// <summary>Why an incoming e-mail is not a customer writing: it must never be answered and never alert staff.</summary>
public enum MailRefusal { None, AutoReply, Bounce, OwnMessage }

/// <summary>What the loop check reads of an incoming e-mail.</summary>
/// <param name="From">The sender's address.</param>
/// <param name="ContentType">The top-level MIME type, e.g. <c>multipart/report</c>.</param>
/// <param name="Header">A header's value by name, or null.</param>
public sealed record IncomingMailFacts(string From, string ContentType, Func<string, string?> Header);

/// <summary>Tells automatic mail (out-of-office replies, list mail, bounces) and our own messages from a person's.</summary>
public static class MailLoops
{
    private static readonly string[] MachineSenders = ["mailer-daemon", "postmaster"];

    private static readonly string[] BulkPrecedence = ["bulk", "junk", "list", "auto_reply"];

    private static readonly string[] AutoHeaders = ["X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress"];

    /// <summary>Whether the e-mail is automatic or ours (<paramref name="ownAddress"/> is <c>Mail:From</c>'s address).</summary>
    public static MailRefusal Classify(IncomingMailFacts mail, string ownAddress)
    {
        if (mail.From.Length > 0 && string.Equals(mail.From, ownAddress, StringComparison.OrdinalIgnoreCase)) return MailRefusal.OwnMessage;
        var local = mail.From.Split('@')[0];
        if (mail.From.Length == 0 || MachineSenders.Any(s => local.Equals(s, StringComparison.OrdinalIgnoreCase))) return MailRefusal.Bounce;
        if (mail.ContentType.Equals("multipart/report", StringComparison.OrdinalIgnoreCase)) return MailRefusal.Bounce;
        if (mail.Header("Auto-Submitted") is { } auto && !auto.Trim().Equals("no", StringComparison.OrdinalIgnoreCase)) return MailRefusal.AutoReply;
        if (AutoHeaders.Any(h => mail.Header(h) is not null)) return MailRefusal.AutoReply;
        if (mail.Header("Precedence") is { } precedence && BulkPrecedence.Contains(precedence.Trim().ToLowerInvariant())) return MailRefusal.AutoReply;
        return MailRefusal.None;
    }
}
