using SmbBot.Core.Routing;

namespace SmbBot.Core.Conversations;

/// <summary>
/// The conversation, as pure functions of what the bot remembers and what just happened: escalate what needs a
/// person, keep one ticket per conversation while it is open, ask for an e-mail address once, read the rating after the
/// hand-back. Each step takes the record and an event and returns the new record, the reply to give and the ticket
/// changes to make; the caller performs them and stores the record. The record passed in is never changed.
/// </summary>
public static partial class ConversationFlow
{
    /// <summary>The text of the "Talk to a person" button, which always reaches a person.</summary>
    public const string TalkToPerson = "Talk to a person";

    /// <summary>How long the previous turn's topic can carry a short follow-up.</summary>
    public static readonly TimeSpan FollowUpWindow = TimeSpan.FromMinutes(10);

    /// <summary>FAQ entries remembered as tried, most recent last.</summary>
    public const int MaxOffered = 10;

    /// <summary>
    /// The customer wrote <paramref name="message"/>. <paramref name="understand"/> classifies and retrieves; it is not
    /// called for an answer to the e-mail question or the rating question.
    /// </summary>
    public static FlowResult Step(ConversationRecord before, TicketState ticket, CustomerMessage message, Func<string, TurnDecision> understand) =>
        Step(before, ticket, message, (text, _) => understand(text));

    /// <summary>
    /// The customer wrote <paramref name="message"/>. <paramref name="understand"/> classifies and retrieves with what the
    /// conversation remembers; it is not called for an answer to the e-mail question or the rating question.
    /// </summary>
    public static FlowResult Step(ConversationRecord before, TicketState ticket, CustomerMessage message, Func<string, ConversationContext, TurnDecision> understand)
    {
        var record = before.Copy();
        record.ChannelId = message.ChannelId;
        record.UserId = message.UserId;
        record.Reference = message.Reference;
        if (message.CustomerId is { } customerId) record.CustomerId ??= customerId;
        if (ticket == TicketState.None) record.OpenTicketId = null;
        var said = new TranscriptEntry { At = message.At, From = Speaker.Customer, Text = message.Kept };
        record.Append(said);
        record.UpdatedAt = message.At;

        var outcome = Decide(record, ticket, message.Text, text => understand(text, ContextOf(before, message.At)));
        if (outcome.Decision is { } decided)
        {
            record.Language = decided.Language;
            KeepTopic(record, outcome, message);
        }
        var rated = record.AwaitingRatingFor;
        record.AwaitingRatingFor = null;
        if (outcome.Step is not FlowStep.EmailRetry) record.AwaitingEmail = false;

        var open = record.OpenTicketId;
        List<TicketCommand> commands = [];
        switch (outcome.Step)
        {
            case FlowStep.Rated:
                commands.Add(new RateTicket(rated!.Value, outcome.Rating!.Value));
                return new FlowResult(record, outcome, commands, rated);
            case FlowStep.OpenTicket:
                commands.Add(new OpenTicket(outcome.Reason!.Value, outcome.Decision!));
                return new FlowResult(record, outcome, commands, null);
            case FlowStep.Reply:
                Remember(record, outcome.Decision!);
                return new FlowResult(record, outcome, commands, null);
            case FlowStep.TicketStatus when open is null:
                return new FlowResult(record, outcome, commands, null);
        }

        commands.Add(new AddToTicket(open!.Value, said));
        switch (outcome.Step)
        {
            case FlowStep.AddToTicket when outcome.RaiseToUrgent:
                commands.Add(new RaiseTicketToUrgent(open.Value));
                break;
            case FlowStep.ReplyAndAddToTicket:
                Remember(record, outcome.Decision!);
                break;
            case FlowStep.EmailGiven:
                record.Email = outcome.Email;
                commands.Add(new SetTicketEmail(open.Value, outcome.Email!));
                break;
            case FlowStep.EmailRetry or FlowStep.EmailGivenUp or FlowStep.EmailDeclined:
                record.EmailAttempts++;
                break;
        }
        return new FlowResult(record, outcome, commands, open);
    }

    /// <summary>
    /// The ticket a step asked for was opened: the conversation follows it, its misses start again, and it asks for an
    /// e-mail address unless the ticket already knows how to reach the customer.
    /// </summary>
    public static FlowResult TicketOpened(FlowResult turn, int ticketId, bool customerReachable)
    {
        var record = turn.Record.Copy();
        record.OpenTicketId = ticketId;
        record.Misses = 0;
        record.AwaitingEmail = !customerReachable;
        record.EmailAttempts = 0;
        return turn with { Record = record, TicketId = ticketId };
    }

    /// <summary>The bot said <paramref name="texts"/>: they join the transcript, and the ticket of the turn if there is one.</summary>
    public static (ConversationRecord Record, IReadOnlyList<TicketCommand> Commands) BotSaid(ConversationRecord before,
        IEnumerable<string> texts, DateTime at, int? ticketId)
    {
        var record = before.Copy();
        List<TicketCommand> commands = [];
        foreach (var text in texts.Where(t => !string.IsNullOrEmpty(t)))
        {
            var entry = new TranscriptEntry { At = at, From = Speaker.Bot, Text = text };
            record.Append(entry);
            if (ticketId is { } id) commands.Add(new AddToTicket(id, entry));
        }
        record.UpdatedAt = at;
        return (record, commands);
    }

    /// <summary>
    /// Staff resolved <paramref name="ticketId"/>: the bot takes the conversation back, stops waiting for an e-mail
    /// address and waits for the customer's rating.
    /// </summary>
    public static ConversationRecord TicketResolved(ConversationRecord before, int ticketId)
    {
        var record = before.Copy();
        if (record.OpenTicketId == ticketId) record.OpenTicketId = null;
        record.AwaitingEmail = false;
        record.AwaitingRatingFor = ticketId;
        return record;
    }

    /// <summary>What understanding a message at <paramref name="now"/> needs from the conversation so far.</summary>
    public static ConversationContext ContextOf(ConversationRecord record, DateTime now) =>
        new(record.Language, record.TopicText.Length > 0 && record.TopicAt is { } at && now - at <= FollowUpWindow
            ? new FollowUpTopic(record.TopicText, record.TopicFaqId) : null);

    /// <summary>
    /// The topic a follow-up can lean on: the FAQ question just answered, or else the customer's message; small talk
    /// keeps the one before, a follow-up that only led to a question keeps the one it was read with, and a hand-over
    /// (a ticket opened or added to) ends it.
    /// </summary>
    private static void KeepTopic(ConversationRecord record, FlowOutcome outcome, CustomerMessage message)
    {
        var decision = outcome.Decision!;
        if (outcome.Step is not (FlowStep.Reply or FlowStep.ReplyAndAddToTicket))
            (record.TopicText, record.TopicFaqId, record.TopicAt) = ("", null, null);
        else if (decision is { Route: Route.Faq, Answer: { } answer })
            (record.TopicText, record.TopicFaqId, record.TopicAt) = (answer.Question, answer.FaqId, message.At);
        else if (decision.Route is Route.Clarify or Route.Fallback && decision.FollowUpOf is null)
            (record.TopicText, record.TopicFaqId, record.TopicAt) = (message.Text, null, message.At);
    }

    /// <summary>Keeps what the bot tried, and counts turns it could not answer.</summary>
    private static void Remember(ConversationRecord record, TurnDecision decision)
    {
        var tried = decision.Route switch
        {
            Route.Faq => [Tried(decision.Answer!, "answered")],
            Route.Clarify => decision.Suggestions.Select(s => Tried(s, "offered")),
            _ => Enumerable.Empty<OfferedFaq>(),
        };
        record.Offered.AddRange(tried);
        if (record.Offered.Count > MaxOffered) record.Offered.RemoveRange(0, record.Offered.Count - MaxOffered);
        record.Misses = decision.Route is Route.Clarify or Route.Fallback ? record.Misses + 1 : 0;
    }

    private static OfferedFaq Tried(FaqCandidate c, string how) =>
        new() { FaqId = c.FaqId, Question = c.Question, Score = Math.Round(c.Score, 4), How = how };
}
