using LiteDB;
using SmbBot.Bot;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Tickets;

using SmbBot.Host.Runtime;

namespace SmbBot.Host.CustomerMail;

/// <summary>
/// Puts a staff reply in the outbox as an e-mail to the customer: at once when they are not in the chat, else due
/// after <c>Mail:CustomerReplyAfterMinutes</c> and dropped at send time if their chat has shown it by then. Framed in the
/// ticket's language with the <c>languages.json</c> texts of the knowledge version in use.
/// </summary>
public sealed partial class CustomerMailQueue(IOutboxStore outbox, ITicketStore tickets, TicketDesk desk, ICustomerPresence presence,
    MailOptions mail, SmbBot.Core.Business.BusinessSettings business, SmbBot.Understanding.BotRuntime runtime, TimeProvider clock,
    ILogger<CustomerMailQueue> logger) : ICustomerMail
{
    public const string ReplyKind = OutboxMessage.CustomerKindPrefix + "reply";

    /// <inheritdoc/>
    public void StaffReplied(int ticketId, string staffName, string reply, string? chatActivityId)
    {
        if (!mail.IsConfigured || tickets.Get(ticketId) is not { } ticket) return;
        try
        {
            Queue(ticket, staffName, reply, chatActivityId);
        }
        catch (Exception e) when (StoreFailure.Is(e))
        {
            // The reply is on the ticket and in the chat; an e-mail that cannot be queued must not fail the console.
            LogNotQueued(logger, ticket.Number, StoreFailure.Describe(e));
        }
    }

    private void Queue(Ticket ticket, string staffName, string reply, string? chatActivityId)
    {
        var to = Address(ticket);
        if (to is null) return;
        if (ticket.EmailStopped)
        {
            desk.NoteReplyEmail(ticket.Id, staffName, "not e-mailed: the customer asked for no more e-mails");
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var earlier = outbox.CustomerMails(ticket.Id);
        if (earlier.Count(m => m.NotNeeded is null && m.CreatedAt > now.AddHours(-1)) >= mail.CustomerMailsPerHour)
        {
            desk.NoteReplyEmail(ticket.Id, staffName, $"not e-mailed: {mail.CustomerMailsPerHour} e-mails to the customer in the last hour already");
            return;
        }
        var inChat = chatActivityId is not null && presence.IsInChat(ticket.ChannelId, ticket.ConversationId);
        var id = $"{ticket.Number}/reply/{ticket.Transcript.Count}/{Guid.NewGuid():N}";
        var threadIds = earlier.Where(m => m.SentAt is not null).Select(m => m.MessageId).OfType<string>().Concat(ticket.ReceivedMailIds).TakeLast(10).ToArray();
        var languages = runtime.Knowledge?.Languages; // the texts of the knowledge version in use
        var message = new OutboxMessage
        {
            Id = id, Channel = OutboxChannel.Email, Kind = ReplyKind, TicketId = ticket.Id, ConversationId = ticket.ConversationId, To = to,
            Subject = CustomerReplyMail.Subject(ticket, business.Current.BusinessName, languages),
            Body = CustomerReplyMail.Body(ticket, business.Current.BusinessName, staffName, reply, desk.Routing.Calendar, languages),
            MessageId = Host.Mail.MailText.MessageIdFor(id, mail),
            InReplyTo = ticket.ReceivedMailIds.LastOrDefault() ?? threadIds.LastOrDefault(),
            References = threadIds.Length > 0 ? string.Join(' ', threadIds) : null,
            ChatActivityId = inChat ? chatActivityId : null,
            CreatedAt = now,
            NextAttemptAt = inChat ? now.AddMinutes(mail.CustomerReplyAfterMinutes) : now,
        };
        outbox.Enqueue([message]);
        desk.NoteReplyEmail(ticket.Id, staffName, inChat
            ? $"will be e-mailed if the chat has not shown it in {mail.CustomerReplyAfterMinutes:0.#} min"
            : "e-mailed: the customer is not in the chat");
    }

    /// <summary>
    /// Null when the e-mail still needs to go; else why not: the chat showed the reply, or the customer said stop.
    /// </summary>
    public string? NotNeeded(OutboxMessage message)
    {
        if (message.TicketId is not { } id || tickets.Get(id) is not { } ticket) return "the ticket no longer exists";
        if (ticket.EmailStopped) return "the customer asked for no more e-mails";
        if (message.ChatActivityId is { } activity && message.Attempts == 0 && presence.HasShown(ticket.ChannelId, ticket.ConversationId, activity))
            return "the customer read the reply in the chat";
        return null;
    }

    /// <summary>The customer's address: given in the chat, else the CRM record's.</summary>
    private static string? Address(Ticket ticket) =>
        new[] { ticket.CustomerEmail, ticket.Customer?.Email }.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e) && Core.Crm.CustomerCsvLoader.IsEmail(e!));

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not queue the e-mail of a staff reply on {Ticket}: {Error}")]
    private static partial void LogNotQueued(ILogger logger, string ticket, string error);
}
