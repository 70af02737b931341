using System.Security.Cryptography;
using System.Text;
using MimeKit;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;

namespace SmbBot.Host.Mail;

/// <summary>Builds the e-mail of an outbox message.</summary>
public static class MailText
{
    /// <summary>
    /// A plain-text e-mail from <c>Mail:From</c>. Its Message-ID is made from the outbox id, so the one resend a crash
    /// can cause carries the same id and mail programs can tell it is the same message.
    /// </summary>
    public static MimeMessage For(OutboxMessage message, MailOptions options)
    {
        var mail = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.Body } };
        mail.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.MessageId = message.MessageId ?? MessageIdFor(message.Id, options);
        mail.Date = message.CreatedAt;
        if (message.ToCustomer)
        {
            // A person's reply: the customer answers it, and the answer threads with it in their mail program.
            if (message.InReplyTo is { } inReplyTo) mail.InReplyTo = inReplyTo;
            foreach (var reference in (message.References ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)) mail.References.Add(reference);
            // Asks Exchange and Outlook not to send out-of-office replies to it.
            mail.Headers.Add("X-Auto-Response-Suppress", "OOF, AutoReply");
        }
        else
        {
            // Automatic: out-of-office replies must not answer it (RFC 3834).
            mail.Headers.Add("Auto-Submitted", "auto-generated");
        }
        return mail;
    }

    /// <summary>The Message-ID (without angle brackets) of the outbox message <paramref name="outboxId"/>.</summary>
    public static string MessageIdFor(string outboxId, MailOptions options) => $"{Hash(outboxId)}@{Domain(options.FromAddress)}";

    private static string Hash(string id) => "smbbot." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];

    private static string Domain(string address) => address[(address.IndexOf('@') + 1)..];
}
