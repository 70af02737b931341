using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using SmbBot.Core;
using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>
/// Translates Bot Framework activities to and from the SDK-free conversation flow: welcome on join, then for each
/// message remember it, decide, open or update the ticket, store everything, and only then reply. Unknown activity
/// types are ignored by <see cref="ActivityHandler"/>.
/// </summary>
public sealed class CustomerServiceBot(ITurnUnderstanding understanding, ReplyComposer replies, BotOptions options,
    ConversationStore conversations, TicketDesk desk, ConversationLocks locks, TimeProvider clock) : ActivityHandler
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
            var conversation = conversations.Load(activity.Conversation.Id);
            conversation.ChannelId = activity.ChannelId ?? "";
            conversation.UserId = activity.From?.Id ?? "";
            conversation.Reference = JsonConvert.SerializeObject(activity.GetConversationReference());
            if (VerifiedCustomerId(turnContext) is { } customerId) conversation.CustomerId ??= customerId;
            var said = new TranscriptEntry { At = Now(), From = Speaker.Customer, Text = Stored(activity.Text!) };
            ConversationStore.Append(conversation, said);

            var open = desk.OpenTicket(conversation.OpenTicketId);
            if (open is null) conversation.OpenTicketId = null;
            var state = open is null ? TicketState.None : open.AssignedToId is null ? TicketState.Waiting : TicketState.WithStaff;
            var outcome = ConversationFlow.Next(conversation, state, text, understanding.Understand);
            if (outcome.Step is not FlowStep.EmailRetry) conversation.AwaitingEmail = false;
            var ratedTicket = conversation.AwaitingRatingFor;
            conversation.AwaitingRatingFor = null;

            var (messages, ticket) = outcome.Step == FlowStep.Rated
                ? Rate(ratedTicket!.Value, outcome.Rating!.Value)
                : Act(outcome, conversation, open, said);
            foreach (var message in messages.Where(m => !string.IsNullOrEmpty(m.Text)))
            {
                var entry = new TranscriptEntry { At = Now(), From = Speaker.Bot, Text = message.Text };
                ConversationStore.Append(conversation, entry);
                if (ticket is not null) desk.AddMessage(ticket.Id, entry);
            }
            conversation.UpdatedAt = Now();
            conversations.Save(conversation);
            toSend = messages;
        }
        // Everything the customer is told is on disk before it is sent.
        foreach (var message in toSend) await turnContext.SendActivityAsync(message, cancellationToken);
    }

    private (IReadOnlyList<IMessageActivity> Messages, Ticket? Ticket) Act(FlowOutcome outcome, ConversationRecord conversation, Ticket? open, TranscriptEntry said)
    {
        switch (outcome.Step)
        {
            case FlowStep.OpenTicket:
            {
                var ticket = desk.Open(conversation, outcome.Reason!.Value, outcome.Decision!);
                conversation.OpenTicketId = ticket.Id;
                conversation.Misses = 0;
                bool askEmail = ticket.Customer is null && ticket.CustomerEmail is null;
                conversation.AwaitingEmail = askEmail;
                conversation.EmailAttempts = 0;
                return (replies.TicketOpened(ticket, outcome.Decision!, askEmail), ticket);
            }
            case FlowStep.AddToTicket:
            {
                var ticket = desk.AddMessage(open!.Id, said)!;
                if (outcome.RaiseToUrgent) ticket = desk.RaiseToUrgent(ticket.Id)!;
                return (replies.AddedToTicket(ticket, outcome.Decision!, outcome.RaiseToUrgent), ticket);
            }
            case FlowStep.ForwardToStaff:
                // A person is answering this conversation; the bot stays out of it.
                return ([], desk.AddMessage(open!.Id, said));
            case FlowStep.ReplyAndAddToTicket:
            {
                var ticket = desk.AddMessage(open!.Id, said)!;
                Remember(conversation, outcome.Decision!);
                return ([replies.ReplyWithTicket(outcome.Decision!, ticket)], ticket);
            }
            case FlowStep.EmailGiven:
            {
                desk.AddMessage(open!.Id, said);
                conversation.Email = outcome.Email;
                var ticket = desk.SetEmail(open.Id, outcome.Email!)!;
                conversation.CustomerId = ticket.Customer?.Id;
                return (replies.EmailStep(outcome.Step, ticket), ticket);
            }
            case FlowStep.EmailRetry or FlowStep.EmailGivenUp or FlowStep.EmailDeclined:
            {
                var ticket = desk.AddMessage(open!.Id, said)!;
                conversation.EmailAttempts++;
                conversation.AwaitingEmail = outcome.Step == FlowStep.EmailRetry;
                return (replies.EmailStep(outcome.Step, ticket), ticket);
            }
            default:
                Remember(conversation, outcome.Decision!);
                return ([replies.Reply(outcome.Decision!)], null);
        }
    }

    private (IReadOnlyList<IMessageActivity> Messages, Ticket? Ticket) Rate(int ticketId, int rating)
    {
        var ticket = desk.SetRating(ticketId, rating);
        return ([replies.ThanksForRating(rating)], ticket);
    }

    /// <summary>Keeps what the bot tried, and counts turns it could not answer.</summary>
    private static void Remember(ConversationRecord conversation, TurnDecision decision)
    {
        var tried = decision.Route switch
        {
            Route.Faq => [new OfferedFaq { FaqId = decision.Answer!.FaqId, Question = decision.Answer.Question, Score = Math.Round(decision.Answer.Score, 4), How = "answered" }],
            Route.Clarify => decision.Suggestions.Select(s => new OfferedFaq { FaqId = s.FaqId, Question = s.Question, Score = Math.Round(s.Score, 4), How = "offered" }),
            _ => Enumerable.Empty<OfferedFaq>(),
        };
        conversation.Offered.AddRange(tried);
        if (conversation.Offered.Count > 10) conversation.Offered.RemoveRange(0, conversation.Offered.Count - 10);
        conversation.Misses = decision.Route is Route.Clarify or Route.Fallback ? conversation.Misses + 1 : 0;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// The CRM id of a customer the business's website vouched for: a Direct Line token issued with the secret for a
    /// user id <c>crm:{id}</c>. Nothing the client sends can set it.
    /// </summary>
    private static string? VerifiedCustomerId(ITurnContext turnContext) =>
        turnContext.TurnState.Get<string>(DirectLine.DirectLineChannel.VerifiedUserKey) is { } user
        && user.StartsWith("crm:", StringComparison.Ordinal) && user.Length > 4 ? user[4..] : null;

    private static string Stored(string text) =>
        text.Length <= MaxStoredChars ? text : $"{text[..MaxStoredChars]}… (cut: {text.Length} characters in all)";
}
