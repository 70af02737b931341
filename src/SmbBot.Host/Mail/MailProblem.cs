using SmbBot.Core.Mail;

namespace SmbBot.Host.Mail;

/// <summary>A mail failure in words for staff and the log: server, port and cause; never the password.</summary>
public static class MailProblem
{
    /// <summary>Why connecting or signing in to <paramref name="smtp"/> failed.</summary>
    public static string Connecting(Exception e, MailServerSettings smtp)
    {
        var server = $"{smtp.Host}:{smtp.PortInUse} ({smtp.SecurityMode})";
        return e switch
        {
            MailKit.Security.AuthenticationException => $"the SMTP server {server} refused the sign-in of Mail:Smtp:UserName ({Cause(e)}); check the user name and (app) password",
            MailKit.Security.SslHandshakeException => $"TLS with the SMTP server {server} failed; check Mail:Smtp:Security and Mail:Smtp:Port ({Cause(e)})",
            NotSupportedException => $"the SMTP server {server} does not offer what Mail:Smtp asks for ({Cause(e)})",
            OperationCanceledException or TimeoutException => $"the SMTP server {server} did not answer in time",
            _ => $"cannot reach the SMTP server {server}: {Cause(e)}",
        };
    }

    /// <summary>Why the server did not take one message.</summary>
    public static string Sending(Exception e) => e switch
    {
        SmtpUnavailableException => e.Message,
        MailKit.Net.Smtp.SmtpCommandException c => $"the SMTP server refused the message ({(int)c.StatusCode}: {Cause(e)})",
        OperationCanceledException or TimeoutException => "the SMTP server did not answer in time",
        _ => $"sending failed: {Cause(e)}",
    };

    /// <summary>The exception's first line, shortened.</summary>
    private static string Cause(Exception e)
    {
        var line = e.Message.Split('\n', 2)[0].Trim();
        return line.Length <= 200 ? line : line[..200] + "…";
    }
}
