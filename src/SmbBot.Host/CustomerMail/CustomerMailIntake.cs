using System.Text.RegularExpressions;
using MimeKit;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Tickets;

namespace SmbBot.Host.CustomerMail;

/// <summary>
/// Puts one e-mail read from the support mailbox where it belongs: a customer's answer on its ticket, "stop" as a flag
/// on it; automatic mail, bounces, our own messages and e-mails that match no ticket nowhere. Each e-mail is handled
/// once, across restarts too: the ticket keeps its key, and <see cref="IMailInboxStore"/> keeps every outcome.
/// </summary>
public sealed class CustomerMailIntake(IMailInboxStore inbox, IOutboxStore outbox, ITicketStore tickets, TicketDesk desk, MailOptions mail, TimeProvider clock)
{
    /// <summary>Longest answer text kept as the message; the whole e-mail is kept beside it up to <see cref="MaxOriginal"/>.</summary>
    public const int MaxText = 4000;

    public const int MaxOriginal = 20_000;

    /// <summary>Handles <paramref name="message"/>; <paramref name="fallbackKey"/> names it when it has no Message-ID.</summary>
    public (InboundOutcome Outcome, int? TicketId, bool Repeat) Handle(MimeMessage message, string fallbackKey)
    {
        var key = string.IsNullOrWhiteSpace(message.MessageId) ? fallbackKey : message.MessageId.Trim().Trim('<', '>');
        if (inbox.Get(key) is { } done) return (done.Outcome, done.TicketId, true);
        var (outcome, ticketId) = Decide(message, key);
        inbox.Record(key, outcome, ticketId, clock.GetUtcNow().UtcDateTime);
        return (outcome, ticketId, false);
    }

    private (InboundOutcome, int?) Decide(MimeMessage message, string key)
    {
        var from = message.From.Mailboxes.FirstOrDefault()?.Address ?? "";
        var facts = new IncomingMailFacts(from, message.Body?.ContentType.MimeType ?? "text/plain", name => message.Headers[name]);
        switch (MailLoops.Classify(facts, mail.FromAddress))
        {
            case MailRefusal.AutoReply: return (InboundOutcome.AutoReply, null);
            case MailRefusal.Bounce: return (InboundOutcome.Bounce, null);
            case MailRefusal.OwnMessage: return (InboundOutcome.OwnMessage, null);
        }
        var referenced = message.References.Prepend(message.InReplyTo ?? "")
            .Select(id => outbox.WithMessageId(id)).FirstOrDefault(m => m is { ToCustomer: true, TicketId: not null })?.TicketId;
        var ticketId = InboundMailMatch.Decide(referenced, message.Subject ?? "", from,
            id => tickets.Get(id) is { } t ? [t.CustomerEmail, t.Customer?.Email] : []);
        if (ticketId is not { } id || tickets.Get(id) is null) return (InboundOutcome.NoTicket, null);

        var original = Clip(BodyText(message), MaxOriginal);
        var text = Clip(QuotedText.Cut(original), MaxText);
        if (text.Length == 0) text = "(an e-mail with no text of its own)";
        if (StopRequest.Is(text))
        {
            desk.StopEmails(id, key);
            return (InboundOutcome.StopRequest, id);
        }
        desk.AddCustomerEmail(id, key, text, original.Trim() == text ? null : original);
        return (InboundOutcome.OnTicket, id);
    }

    private static string BodyText(MimeMessage message)
    {
        if (message.TextBody is { } plain) return plain;
        // An HTML-only e-mail: its text without tags, lines kept where the HTML broke them.
        if (message.HtmlBody is { } html)
            return System.Net.WebUtility.HtmlDecode(Regex.Replace(Regex.Replace(html, @"<(br|/p|/div|/blockquote)[^>]*>", "\n", RegexOptions.IgnoreCase), "<[^>]+>", ""));
        return "";
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
