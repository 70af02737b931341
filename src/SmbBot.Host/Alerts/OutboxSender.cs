using SmbBot.Bot.Hosting;
using SmbBot.Core.Alerts;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Host.Mail;

namespace SmbBot.Host.Alerts;

/// <summary>
/// Sends what the outbox holds: woken when a message is queued, else when the next retry is due. A message is marked
/// sent only after its server accepted it; a failure is recorded on it and retried with growing waits.
/// </summary>
public sealed partial class OutboxSender(IOutboxStore outbox, MailOptions mail, AlertOptions options, WebhookPoster webhook,
    CustomerMail.CustomerMailQueue customerMail, TimeProvider clock, ILogger<OutboxSender> logger) : BackgroundService
{
    /// <summary>Longest sleep without a wake-up; also how soon a message left by a stopped host is picked up.</summary>
    private static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _wake = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        outbox.Queued += Wake;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // A failed round (the data file full or locked) is logged and tried again after the longest sleep.
                DateTime? next = null;
                await PeriodicWork.RunOnceAsync(nameof(OutboxSender), async () =>
                {
                    await SendDueAsync(stoppingToken);
                    next = outbox.NextDue();
                }, logger);
                var sleep = next is { } at ? at - Now() : MaxSleep;
                sleep = sleep < TimeSpan.FromMilliseconds(100) ? TimeSpan.FromMilliseconds(100) : sleep > MaxSleep ? MaxSleep : sleep;
                await _wake.WaitAsync(sleep, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            outbox.Queued -= Wake;
        }
    }

    private void Wake() => _wake.Release();

    /// <summary>One round: every message due now, e-mails over one SMTP connection.</summary>
    internal async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var due = outbox.Due(Now());
        if (due.Count == 0) return;
        await using var smtp = new SmtpSession(mail);
        string? smtpDown = null;
        foreach (var message in due)
        {
            if (message.ToCustomer && customerMail.NotNeeded(message) is { } reason)
            {
                outbox.MarkNotNeeded(message.Id, reason, Now());
                continue;
            }
            string? error;
            if (message.Channel == OutboxChannel.Webhook)
            {
                error = options.Webhook.IsConfigured ? await webhook.PostAsync(message, cancellationToken) : "Alerts:Webhook:Url is no longer set";
            }
            else
            {
                // Once the server is unreachable in this round, the other e-mails wait for the next one.
                (error, var down) = smtpDown is null ? await SendMailAsync(smtp, message, cancellationToken) : (smtpDown, true);
                if (down) smtpDown = error;
            }
            if (error is null) outbox.MarkSent(message.Id, Now());
            else Failed(message, error);
        }
    }

    private async Task<(string? Error, bool ServerDown)> SendMailAsync(SmtpSession smtp, OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!mail.IsConfigured) return ("Mail:Smtp:Host is no longer set", true);
        try
        {
            await smtp.SendAsync(MailText.For(message, mail), cancellationToken);
            return (null, false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (MailProblem.Sending(e), e is SmtpUnavailableException);
        }
    }

    private void Failed(OutboxMessage message, string error)
    {
        var attempts = message.Attempts + 1;
        var wait = RetrySchedule.After(attempts, TimeSpan.FromSeconds(options.RetrySeconds), TimeSpan.FromSeconds(options.MaxRetrySeconds));
        outbox.MarkFailed(message.Id, error, Now(), wait, options.MaxAttempts);
        var what = $"{message.Kind} by {message.Channel.ToString().ToLowerInvariant()} for {(message.TicketId is { } t ? Core.Tickets.Ticket.NumberFor(t) : "no ticket")}";
        if (attempts >= options.MaxAttempts) LogGaveUp(logger, what, attempts, error);
        else LogRetry(logger, what, attempts, error, (int)wait.TotalSeconds);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Not sent: {What} (try {Attempts}): {Error}; next try in {Seconds} s")]
    private static partial void LogRetry(ILogger logger, string what, int attempts, string error, int seconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Given up: {What} after {Attempts} tries: {Error}. It is shown on the ticket page and in /health/ready")]
    private static partial void LogGaveUp(ILogger logger, string what, int attempts, string error);
}
