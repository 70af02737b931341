using MailKit;
using MailKit.Search;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Mail;

namespace SmbBot.Host.CustomerMail;

/// <summary>
/// Every <c>Mail:Imap:PollSeconds</c>, reads the unseen e-mails of the support mailbox and hands each to
/// <see cref="CustomerMailIntake"/>, then marks it seen (one that matched no ticket is also flagged for a person).
/// An unreachable mailbox is one clear warning, logged again only when the problem changes; chat carries on.
/// </summary>
public sealed partial class CustomerMailbox(MailOptions mail, CustomerMailIntake intake, MailboxStatus status, TimeProvider clock,
    ILogger<CustomerMailbox> logger) : BackgroundService
{
    /// <summary>At most this many e-mails per poll, so one poll never runs for long.</summary>
    private const int PerPoll = 50;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!mail.ReadsMailbox)
        {
            LogOff(logger);
            return;
        }
        await Task.Yield();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(mail.Imap.PollSeconds), clock);
        try
        {
            var first = true;
            do
            {
                await PollAsync(first, stoppingToken);
                first = false;
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>One poll: connect, handle the unseen e-mails, disconnect.</summary>
    internal async Task PollAsync(bool first, CancellationToken cancellationToken)
    {
        try
        {
            var (client, folder) = await ImapMailbox.OpenAsync(mail.Imap, cancellationToken);
            using (client)
            {
                var unseen = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
                foreach (var uid in unseen.Take(PerPoll))
                {
                    var message = await folder.GetMessageAsync(uid, cancellationToken);
                    var (outcome, ticketId, repeat) = intake.Handle(message, $"uid:{folder.UidValidity}:{uid.Id}");
                    var flags = outcome == InboundOutcome.NoTicket ? MessageFlags.Seen | MessageFlags.Flagged : MessageFlags.Seen;
                    await folder.AddFlagsAsync(uid, flags, silent: true, cancellationToken);
                    if (!repeat) LogHandled(logger, outcome, ticketId is { } id ? Core.Tickets.Ticket.NumberFor(id) : "no ticket");
                }
                await client.DisconnectAsync(quit: true, cancellationToken);
            }
            if (status.Read(clock.GetUtcNow().UtcDateTime) || first) LogReading(logger, mail.Imap.Host!, mail.Imap.PortInUse, mail.Imap.Folder);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var problem = e is ImapUnavailableException ? e.Message : ImapMailbox.Problem(e, mail.Imap);
            if (status.Failed(problem, clock.GetUtcNow().UtcDateTime)) LogUnreadable(logger, problem, mail.Imap.PollSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customers' e-mailed answers are off: Mail:Imap:Host is not set")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Customers' e-mailed answers are read from {Host}:{Port}, folder {Folder}")]
    private static partial void LogReading(ILogger logger, string host, int port, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customers' e-mailed answers cannot be read: {Problem}. The bot keeps serving chat; the mailbox is tried again every {Seconds} s and nothing in it is lost")]
    private static partial void LogUnreadable(ILogger logger, string problem, int seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail from the support mailbox: {Outcome}, {Ticket}")]
    private static partial void LogHandled(ILogger logger, InboundOutcome outcome, string ticket);
}
