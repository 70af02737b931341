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
        mail.MessageId = $"{Hash(message.Id)}@{Domain(options.FromAddress)}";
        mail.Date = message.CreatedAt;
        // Automatic: out-of-office replies must not answer it (RFC 3834).
        mail.Headers.Add("Auto-Submitted", "auto-generated");
        return mail;
    }

    private static string Hash(string id) => "smbbot." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id)))[..32];

    private static string Domain(string address) => address[(address.IndexOf('@') + 1)..];
}
