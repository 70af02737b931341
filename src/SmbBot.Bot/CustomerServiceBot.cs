using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using SmbBot.Core;
using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>
/// Translates Bot Framework activities to and from the SDK-free <see cref="ConversationFlow"/>: welcome on join, then
/// for each message let the flow decide, carry out the ticket changes it asks for, store the conversation, and only
/// then reply. Unknown activity types are ignored by <see cref="ActivityHandler"/>.
/// </summary>
public sealed class CustomerServiceBot(ITurnUnderstanding understanding, ReplyComposer replies, BotOptions options,
    IConversationStore conversations, TicketDesk desk, IConversationLocks locks, InsightRecorder insight, TimeProvider clock) : ActivityHandler
{
    /// <summary>Longest customer message kept in a transcript; the rest is cut and the cut is noted.</summary>
    public const int MaxStoredChars = 8000;

    /// <inheritdoc/>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var botId = turnContext.Activity.Recipient?.Id;
        if (membersAdded.Any(m => m.Id != botId))
            await turnContext.SendActivityAsync(replies.Welcome(), cancellationToken);
    }

    /// <inheritdoc/>
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var text = TextNormalizer.Clean(turnContext.Activity.Text, options.MaxInputChars);
        if (text.Length == 0)
        {
            await turnContext.SendActivityAsync(replies.EmptyMessage(), cancellationToken);
            return;
        }
        var activity = turnContext.Activity;
        IReadOnlyList<IMessageActivity> toSend;
        using (await locks.EnterAsync(activity.Conversation.Id, cancellationToken))
        {
            var before = conversations.Load(activity.Conversation.Id);
            var open = desk.OpenTicket(before.OpenTicketId);
            await ShowTypingAsync(turnContext, StateOf(open), cancellationToken);
            var message = new CustomerMessage(text, Kept(activity.Text!), Now(), activity.ChannelId ?? "", activity.From?.Id ?? "",
                JsonConvert.SerializeObject(activity.GetConversationReference()), VerifiedCustomerId(turnContext));

            var turn = ConversationFlow.Step(before, StateOf(open), message, (text, context) => understanding.Understand(text, context));
            var ticket = desk.Perform(turn.Commands, turn.Record);
            if (turn.Outcome.Step == FlowStep.OpenTicket)
                turn = ConversationFlow.TicketOpened(turn, ticket!.Id, ticket.Customer is not null || ticket.CustomerEmail is not null);
            toSend = turn.Outcome.Step == FlowStep.TicketStatus
                ? [replies.TicketStatus(desk.StatusFor(turn.Outcome.StatusQuestion!, turn.Record.OpenTicketId, activity.Conversation.Id, turn.Record.CustomerId))]
                : replies.For(turn, ticket);

            var (after, commands) = ConversationFlow.BotSaid(turn.Record, toSend.Select(m => m.Text), Now(), turn.TicketId);
            desk.Perform(commands, after);
            conversations.Save(after);
            insight.Turn(activity.Conversation.Id, activity.From?.Id ?? "", activity.ChannelId ?? "", turn.Outcome, text, message.At);
        }
        // Everything the customer is told is on disk before it is sent.
        foreach (var reply in toSend) await turnContext.SendActivityAsync(reply, cancellationToken);
    }

    /// <summary>
    /// Web Chat shows "typing" while the bot works, until its reply (or 5 s). Not while a person has the chat, who
    /// may not answer at once; not on the Emulator channel, a developer's tool.
    /// </summary>
    private static Task ShowTypingAsync(ITurnContext turnContext, TicketState state, CancellationToken cancellationToken) =>
        turnContext.Activity.ChannelId == DirectLine.DirectLineChannel.ChannelId && state != TicketState.WithStaff
            ? turnContext.SendActivityAsync(new Activity(ActivityTypes.Typing), cancellationToken)
            : Task.CompletedTask;

    private static TicketState StateOf(Ticket? open) =>
        // A ticket given to someone automatically waits until that person takes it.
        open is null ? TicketState.None : open.AssignedToId is null || open.AutoAssignedAt is not null ? TicketState.Waiting : TicketState.WithStaff;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The CRM id of a customer the business's website vouched for: a Direct Line token issued with the secret for a
    /// user id <c>crm:{id}</c>. Nothing the client sends can set it.
    /// </summary>
    private static string? VerifiedCustomerId(ITurnContext turnContext) =>
        turnContext.TurnState.Get<string>(DirectLine.DirectLineChannel.VerifiedUserKey) is { } user
        && user.StartsWith("crm:", StringComparison.Ordinal) && user.Length > 4 ? user[4..] : null;

    private static string Kept(string text) =>
        text.Length <= MaxStoredChars ? text : $"{text[..MaxStoredChars]}… (cut: {text.Length} characters in all)";
}
