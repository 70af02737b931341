using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using SmbBot.Core.Mail;

namespace SmbBot.Host.CustomerMail;

/// <summary>One connection to the support mailbox's folder, opened for reading and flagging.</summary>
public static class ImapMailbox
{
    /// <summary>How long a connect, sign-in or command may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Connects, signs in and opens <c>Mail:Imap:Folder</c> read-write; throws <see cref="ImapUnavailableException"/> in words.</summary>
    public static async Task<(ImapClient Client, IMailFolder Folder)> OpenAsync(ImapSettings imap, CancellationToken cancellationToken)
    {
        var client = new ImapClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(imap.Host ?? "", imap.PortInUse, Secure(imap.SecurityMode), cancellationToken);
            await client.AuthenticateAsync(imap.UserName ?? "", imap.Password ?? "", cancellationToken);
            var folder = imap.Folder.Equals("INBOX", StringComparison.OrdinalIgnoreCase) ? client.Inbox : await client.GetFolderAsync(imap.Folder, cancellationToken);
            await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
            return (client, folder);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new ImapUnavailableException(Problem(e, imap), e);
        }
    }

    /// <summary>Why the mailbox could not be read, naming the setting to check; never the password.</summary>
    public static string Problem(Exception e, ImapSettings imap)
    {
        var server = $"{imap.Host}:{imap.PortInUse} ({imap.SecurityMode})";
        var cause = e.Message.Split('\n', 2)[0].Trim();
        if (cause.Length > 200) cause = cause[..200] + "…";
        return e switch
        {
            AuthenticationException => $"the IMAP server {server} refused the sign-in of Mail:Imap:UserName ({cause}); check the user name and (app) password",
            SslHandshakeException => $"TLS with the IMAP server {server} failed; check Mail:Imap:Security and Mail:Imap:Port ({cause})",
            FolderNotFoundException => $"the support mailbox on {server} has no folder '{imap.Folder}' (Mail:Imap:Folder)",
            OperationCanceledException or TimeoutException => $"the IMAP server {server} did not answer in time",
            _ => $"cannot reach the IMAP server {server}: {cause}",
        };
    }

    private static SecureSocketOptions Secure(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };
}

/// <summary>The support mailbox cannot be read: no e-mailed answer can come in until that changes.</summary>
public sealed class ImapUnavailableException(string message, Exception inner) : Exception(message, inner);
