using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using SmbBot.Core.Conversations;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>
/// Staff talking into a customer's chat: replies and the hand-back to the bot go out as proactive messages through
/// the ticket's stored conversation reference. What cannot be delivered stays on the ticket.
/// </summary>
public sealed partial class StaffChat(SmbBotAdapter adapter, ReplyComposer replies, TicketDesk desk, IConversationStore conversations,
    IConversationLocks locks, ICustomerMail email, TimeProvider clock, ILogger<StaffChat> logger)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Records a staff reply on the ticket, then sends it to the customer's chat; returns whether the chat took it. A
    /// reply the chat cannot take stays on the ticket, marked so. Either way the customer's e-mail leg decides whether
    /// the reply also goes by e-mail (the customer is not in the chat, or does not read it there in time).
    /// </summary>
    public async Task<bool> ReplyAsync(Ticket ticket, string staffId, string staffName, string text)
    {
        // A reply without a claim takes the ticket too: the customer is told who joined first.
        if (ticket.AssignedToId is null || ticket.AutoAssignedAt is not null) await JoinedAsync(ticket, staffName);
        desk.AddStaffReply(ticket.Id, staffId, staffName, text);
        var activityId = await SendAsync(ticket, replies.StaffMessage(staffId, staffName, text));
        if (activityId is null) desk.ReplyNotDelivered(ticket.Id, staffName);
        email.StaffReplied(ticket.Id, staffName, text, activityId);
        return activityId is not null;
    }

    /// <summary>Resolves the ticket, gives the conversation back to the bot and asks the customer for a 1-5 rating.</summary>
    public async Task<bool> ResolveAsync(Ticket ticket, string staffName)
    {
        desk.SetStatus(ticket.Id, TicketStatus.Resolved, staffName);
        var handBack = replies.HandBack(ticket, staffName);
        using (await locks.EnterAsync(ticket.ConversationId, CancellationToken.None))
        {
            var resolved = ConversationFlow.TicketResolved(conversations.Load(ticket.ConversationId), ticket.Id);
            var (after, commands) = ConversationFlow.BotSaid(resolved, [handBack.Text], clock.GetUtcNow().UtcDateTime, ticket.Id);
            desk.Perform(commands, after);
            conversations.Save(after);
        }
        return await SendAsync(ticket, handBack) is not null;
    }

    /// <summary>Tells the customer that <paramref name="staffName"/> has taken the ticket; the bot stays quiet from now on.</summary>
    public async Task<bool> JoinedAsync(Ticket ticket, string staffName)
    {
        var joined = replies.Joined(ticket, staffName);
        using (await locks.EnterAsync(ticket.ConversationId, CancellationToken.None))
        {
            var (after, commands) = ConversationFlow.BotSaid(conversations.Load(ticket.ConversationId), [joined.Text], clock.GetUtcNow().UtcDateTime, ticket.Id);
            desk.Perform(commands, after);
            conversations.Save(after);
        }
        return await SendAsync(ticket, joined) is not null;
    }

    /// <summary>Sends into the ticket's chat; returns the id the channel gave the activity ("" if none), or null when it failed.</summary>
    private async Task<string?> SendAsync(Ticket ticket, IMessageActivity message)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(ticket.ConversationReference);
        if (reference?.Conversation?.Id is null || string.IsNullOrEmpty(reference.ServiceUrl)) return null;
        using var timeout = new CancellationTokenSource(SendTimeout);
        try
        {
            string? id = null;
            await adapter.ContinueConversationAsync(string.Empty, reference,
                async (turn, ct) =>
                {
                    // The SDK sends every activity from the conversation reference's bot; a staff member's stays theirs.
                    if (message.From is { } from)
                        turn.OnSendActivities((_, activities, next) => { activities.ForEach(a => a.From = from); return next(); });
                    id = (await turn.SendActivityAsync(message, ct))?.Id;
                }, timeout.Token);
            return id ?? "";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotDelivered(logger, e, ticket.Number, reference.ChannelId);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff message for ticket {Ticket} could not reach the {Channel} chat; it is kept on the ticket")]
    private static partial void LogNotDelivered(ILogger logger, Exception exception, string ticket, string channel);
}
