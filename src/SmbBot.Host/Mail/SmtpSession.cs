using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SmbBot.Core.Mail;

namespace SmbBot.Host.Mail;

/// <summary>One connection to the SMTP server for a round of sending: opened at the first message, closed on dispose.</summary>
public sealed class SmtpSession(MailOptions options) : IAsyncDisposable
{
    /// <summary>How long a connect, sign-in or send may take.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private SmtpClient? _client;

    /// <summary>
    /// Sends <paramref name="message"/>; returns only after the server accepted it (250 after DATA), which is when the
    /// outbox may mark it sent.
    /// </summary>
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var client = await ConnectedAsync(cancellationToken);
        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch
        {
            // Whatever state the conversation with the server is in, the next message starts on a new connection.
            Drop();
            throw;
        }
    }

    /// <summary>Connects and signs in, as the first send would (the start-up check).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken) => await ConnectedAsync(cancellationToken);

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is { IsConnected: true }) return _client;
        Drop();
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        try
        {
            var smtp = options.Smtp;
            await client.ConnectAsync(smtp.Host ?? "", smtp.PortInUse, Secure(smtp.SecurityMode), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName)) await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new SmtpUnavailableException(MailProblem.Connecting(e, options.Smtp), e);
        }
        return _client = client;
    }

    private static SecureSocketOptions Secure(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try { await client.DisconnectAsync(quit: true); }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException) { }
        }
        Drop();
    }
}

/// <summary>The SMTP server could not be reached or refused the sign-in: no message can go until that changes.</summary>
public sealed class SmtpUnavailableException(string message, Exception inner) : Exception(message, inner);
