using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>
/// Staff talking into a customer's chat: replies and the hand-back to the bot go out as proactive messages through
/// the ticket's stored conversation reference. What cannot be delivered stays on the ticket.
/// </summary>
public sealed partial class StaffChat(SmbBotAdapter adapter, ReplyComposer replies, TicketDesk desk, ConversationStore conversations,
    ConversationLocks locks, TimeProvider clock, ILogger<StaffChat> logger)
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Sends a staff reply to the customer and records it on the ticket; returns whether the chat took it.</summary>
    public async Task<bool> ReplyAsync(Ticket ticket, string staffId, string staffName, string text)
    {
        var delivered = await SendAsync(ticket, replies.StaffMessage(staffName, text));
        desk.AddStaffReply(ticket.Id, staffId, staffName, text, delivered);
        return delivered;
    }

    /// <summary>Resolves the ticket, gives the conversation back to the bot and asks the customer for a 1-5 rating.</summary>
    public async Task<bool> ResolveAsync(Ticket ticket, string staffName)
    {
        desk.SetStatus(ticket.Id, TicketStatus.Resolved, staffName);
        using (await locks.EnterAsync(ticket.ConversationId, CancellationToken.None))
        {
            var conversation = conversations.Load(ticket.ConversationId);
            if (conversation.OpenTicketId == ticket.Id) conversation.OpenTicketId = null;
            conversation.AwaitingEmail = false;
            conversation.AwaitingRatingFor = ticket.Id;
            conversations.Save(conversation);
        }
        var handBack = replies.HandBack(ticket, staffName);
        var delivered = await SendAsync(ticket, handBack);
        desk.AddMessage(ticket.Id, new TranscriptEntry { At = clock.GetUtcNow().UtcDateTime, From = Speaker.Bot, Text = handBack.Text });
        return delivered;
    }

    private async Task<bool> SendAsync(Ticket ticket, IMessageActivity message)
    {
        var reference = JsonConvert.DeserializeObject<ConversationReference>(ticket.ConversationReference);
        if (reference?.Conversation?.Id is null || string.IsNullOrEmpty(reference.ServiceUrl)) return false;
        using var timeout = new CancellationTokenSource(SendTimeout);
        try
        {
            await adapter.ContinueConversationAsync(string.Empty, reference,
                async (turn, ct) => await turn.SendActivityAsync(message, ct), timeout.Token);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            LogNotDelivered(logger, e, ticket.Number, reference.ChannelId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A staff message for ticket {Ticket} could not reach the {Channel} chat; it is kept on the ticket")]
    private static partial void LogNotDelivered(ILogger logger, Exception exception, string ticket, string channel);
}
