using SmbBot.Core.Mail;

namespace SmbBot.Host.Mail;

/// <summary>
/// After start, connects and signs in to the SMTP server once, in the background: an unreachable server or a refused
/// sign-in is one clear warning; the bot serves chat either way and the outbox keeps what it cannot send yet.
/// </summary>
public sealed partial class SmtpStartCheck(MailOptions options, ILogger<SmtpStartCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsConfigured)
        {
            LogNoMail(logger);
            return;
        }
        await Task.Yield();
        await using var session = new SmtpSession(options);
        try
        {
            await session.CheckAsync(stoppingToken);
            LogReachable(logger, options.Smtp.Host!, options.Smtp.PortInUse);
        }
        catch (SmtpUnavailableException e)
        {
            LogUnreachable(logger, e.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is off: Mail:Smtp:Host is not set (alerts go to the webhook only, if one is set)")]
    private static partial void LogNoMail(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail is on: the SMTP server {Host}:{Port} accepted the connection")]
    private static partial void LogReachable(ILogger logger, string host, int port);

    [LoggerMessage(Level = LogLevel.Warning, Message = "E-mail cannot be sent yet: {Problem}. The bot keeps serving chat; e-mails wait in the outbox and are retried")]
    private static partial void LogUnreachable(ILogger logger, string problem);
}
