using LiteDB;
using SmbBot.Core.Alerts;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Staff;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;

using SmbBot.Host.Runtime;

namespace SmbBot.Host.Alerts;

/// <summary>
/// Turns a ticket alert into outbox messages: one e-mail per recipient (when e-mail is set up) and one webhook post
/// (when a webhook is set). Ids are made of the ticket, the kind and the occasion, so raising it again queues nothing.
/// </summary>
public sealed partial class StaffAlertQueue(IOutboxStore outbox, StaffStore staff, SmbBot.Core.Teams.ITeamStore teams, AlertOptions options, MailOptions mail,
    TicketRouting routing, TimeProvider clock, ILogger<StaffAlertQueue> logger) : ITicketAlerts
{
    /// <inheritdoc/>
    public void Raise(Ticket ticket, AlertKind kind, string occasion)
    {
        try
        {
            var messages = MessagesFor(ticket, kind, occasion);
            if (messages.Count > 0 && outbox.Enqueue(messages) > 0) LogQueued(logger, ticket.Number, AlertContent.KindName(kind), messages.Count);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            // The ticket is stored; an alert that cannot be queued must not fail the customer's chat.
            LogNotQueued(logger, ticket.Number, AlertContent.KindName(kind), StoreFailure.Describe(e));
        }
    }

    private List<OutboxMessage> MessagesFor(Ticket ticket, AlertKind kind, string occasion)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var content = AlertContent.For(kind, ticket, options, routing.Calendar);
        var id = $"{ticket.Number}/{AlertContent.KindName(kind)}/{occasion}";
        var messages = new List<OutboxMessage>();
        if (mail.IsConfigured)
        {
            var team = teams.Get(ticket.TeamId)?.Members;
            var recipients = AlertRecipients.Emails(kind, ticket, staff.All().Select(a => Recipient(a, now)), options.Email.To, team);
            messages.AddRange(recipients.Select(to => Message(OutboxChannel.Email, $"{id}/email/{to}", to, content.Body)));
        }
        if (options.Webhook.IsConfigured && AlertRecipients.ToWebhook(kind))
            messages.Add(Message(OutboxChannel.Webhook, $"{id}/webhook", "", content.WebhookJson));
        return messages;

        OutboxMessage Message(OutboxChannel channel, string messageId, string to, string body) => new()
        {
            Id = messageId, Channel = channel, Kind = $"alert:{AlertContent.KindName(kind)}", TicketId = ticket.Id, ConversationId = ticket.ConversationId, To = to,
            Subject = content.Subject, Body = body, CreatedAt = now, NextAttemptAt = now,
        };
    }

    private static StaffRecipient Recipient(StaffAccount a, DateTime now) =>
        new(a.Id, a.Email, a.Role == StaffRoles.Admin, a.Disabled, a.Alerts ?? new AlertChoices(), a.AsMember().IsAway(now));

    [LoggerMessage(Level = LogLevel.Information, Message = "Queued the {Kind} alert of {Ticket}: {Count} message(s)")]
    private static partial void LogQueued(ILogger logger, string ticket, string kind, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the {Kind} alert of {Ticket}: {Error}")]
    private static partial void LogNotQueued(ILogger logger, string ticket, string kind, string error);
}
