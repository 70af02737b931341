using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SmbBot.Core.Business;
using SmbBot.Core.Conversations;
using SmbBot.Core.Languages;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>Turns decisions and ticket steps into what the customer reads.</summary>
public sealed partial class ReplyComposer(BotOptions options, BusinessSettings business, TimeProvider clock, LanguageOptions served)
{
    /// <summary>The business's hours now (they can change while running).</summary>
    private BusinessCalendar calendar => business.Calendar;

    /// <summary>Suggested action that asks for a person.</summary>
    public const string TalkToPerson = ConversationFlow.TalkToPerson;

    /// <summary>Suggested action that declines to give an e-mail address.</summary>
    public const string Skip = "Skip";

    /// <summary>The greeting sent when a customer opens the chat.</summary>
    public IMessageActivity Welcome()
    {
        var profile = business.Current;
        return profile.Topics.Count == 0
            ? MessageFactory.Text(profile.GreetingText)
            : MessageFactory.SuggestedActions(profile.Topics, profile.GreetingText, null, null);
    }

    /// <summary>The reply to a message with no text.</summary>
    public IMessageActivity EmptyMessage() => MessageFactory.Text(
        "I didn't catch a question there. Type what you'd like to know, for example \"How much does delivery cost?\"");

    /// <summary>
    /// What the customer is told after a step of the conversation flow; <paramref name="ticket"/> is the ticket the
    /// step opened or changed.
    /// </summary>
    public IReadOnlyList<IMessageActivity> For(FlowResult turn, Ticket? ticket)
    {
        var outcome = turn.Outcome;
        return outcome.Step switch
        {
            FlowStep.Reply => [Reply(outcome.Decision!)],
            FlowStep.Rated => [ThanksForRating(outcome.Rating!.Value)],
            FlowStep.ForwardToStaff => [],
            FlowStep.OpenTicket => TicketOpened(ticket!, outcome.Decision!, turn.Record.AwaitingEmail),
            FlowStep.AddToTicket => AddedToTicket(ticket!, outcome.Decision!, outcome.RaiseToUrgent),
            FlowStep.ReplyAndAddToTicket => [ReplyWithTicket(outcome.Decision!, ticket!)],
            _ => EmailStep(outcome.Step, ticket!),
        };
    }

    /// <summary>The reply for <paramref name="decision"/> when no ticket is involved.</summary>
    public IMessageActivity Reply(TurnDecision decision)
    {
        var reply = decision.Route switch
        {
            Route.Faq => MessageFactory.Text(decision.Answer!.AnswerText),
            Route.Clarify => Clarify(decision.Suggestions),
            Route.SmallTalk => MessageFactory.Text(SmallTalkText(decision.Intent.Intent)),
            _ => MessageFactory.SuggestedActions(new[] { TalkToPerson }, FallbackText(), null, null),
        };
        if (options.DecisionTrace) reply.Entities = [DecisionEntity.From(decision)];
        return reply;
    }

    /// <summary>An FAQ answer or small talk while a ticket is open: the same reply, traced with the ticket.</summary>
    public IMessageActivity ReplyWithTicket(TurnDecision decision, Ticket ticket)
    {
        var reply = Reply(decision);
        if (options.DecisionTrace)
        {
            var entity = DecisionEntity.From(decision);
            entity.Properties["ticketId"] = ticket.Number;
            entity.Properties["priority"] = ticket.Priority.ToString().ToLowerInvariant();
            reply.Entities = [entity];
        }
        return reply;
    }

    /// <summary>The replies announcing a new ticket: the safety instruction first when it is urgent.</summary>
    public IReadOnlyList<IMessageActivity> TicketOpened(Ticket ticket, TurnDecision decision, bool askEmail)
    {
        if (InOtherLanguage(decision) is { } local)
        {
            var said = (served.Serves(decision.Language) ? local.Served : local.NotServed).Replace("{ticket}", ticket.Number);
            var inLanguage = new List<IMessageActivity>();
            if (ticket.Reason == EscalationReason.UrgentSafety)
            {
                // The business's own instruction (its emergency number) as written, then the same in the customer's language.
                if (options.SafetyInstruction.Length > 0) inLanguage.Add(MessageFactory.Text(options.SafetyInstruction));
                if (!string.IsNullOrWhiteSpace(local.Urgent)) said = $"{local.Urgent} {said}";
            }
            inLanguage.Add(MessageFactory.Text(askEmail ? $"{said} {local.AskEmail}" : said));
            return Traced(inLanguage, ticket, decision,
                $"ticket opened: {TicketDesk.ReasonText(ticket.Reason)} (message in {LanguageCatalog.Describe(decision.Language)})");
        }
        var replies = new List<IMessageActivity>();
        if (ticket.Reason == EscalationReason.UrgentSafety) replies.Add(MessageFactory.Text(FirstInstruction(decision)));
        var opening = ticket.Reason switch
        {
            EscalationReason.UrgentSafety => "I've marked this urgent for our team",
            EscalationReason.Complaint => "I'm sorry to hear that. I've passed your complaint to our team",
            EscalationReason.AccountRequest => "A person needs to look at your records for this, so I've passed it to our team",
            EscalationReason.NoAnswer => "I couldn't find an answer to that, so I've passed your question to our team",
            _ => "Of course. I've passed this to our team",
        };
        var text = $"{opening} as ticket {ticket.Number}. {WillReply(ticket, "a person")}";
        var ask = ReplyPromise.For(ticket.FirstResponseDue, clock.GetUtcNow().UtcDateTime, calendar).Closed
            ? " You may have left the chat by then: what's your e-mail address, so we can reach you? You can also say \"skip\"."
            : " So we can reach you if you leave the chat, what's your e-mail address? You can also say \"skip\".";
        var last = askEmail
            ? MessageFactory.SuggestedActions(new[] { Skip }, text + ask, null, null)
            : MessageFactory.Text(text);
        replies.Add(last);
        return Traced(replies, ticket, decision, $"ticket opened: {TicketDesk.ReasonText(ticket.Reason)}");
    }

    /// <summary>What an urgent reply says first: the security instruction for a security incident, else the safety one.</summary>
    private string FirstInstruction(TurnDecision decision) =>
        decision.SecurityIncident is not null && options.SecurityInstruction.Trim().Length > 0 ? options.SecurityInstruction : options.SafetyInstruction;

    /// <summary>The reply when a message is added to the open ticket.</summary>
    public IReadOnlyList<IMessageActivity> AddedToTicket(Ticket ticket, TurnDecision decision, bool raisedToUrgent)
    {
        if (!raisedToUrgent && InOtherLanguage(decision) is { } local)
            return Traced([MessageFactory.Text(local.Added.Replace("{ticket}", ticket.Number))], ticket, decision, "added to the open ticket");
        var replies = new List<IMessageActivity>();
        if (raisedToUrgent) replies.Add(MessageFactory.Text(FirstInstruction(decision)));
        replies.Add(MessageFactory.Text(raisedToUrgent
            ? $"I've added this to your ticket {ticket.Number} and marked it urgent. {WillReply(ticket, "a person")}"
            : $"I've added this to your ticket {ticket.Number}, so the person handling it will see it. {WillReply(ticket, "they")}"));
        return Traced(replies, ticket, decision, raisedToUrgent ? "added to the open ticket and raised to urgent" : "added to the open ticket");
    }

    /// <summary>The reply to the customer's answer to the e-mail question.</summary>
    public IReadOnlyList<IMessageActivity> EmailStep(FlowStep step, Ticket ticket)
    {
        IMessageActivity reply = step switch
        {
            FlowStep.EmailGiven => MessageFactory.Text($"Thank you, I've added {ticket.CustomerEmail} to ticket {ticket.Number}. {WillReply(ticket, "a person")}"),
            FlowStep.EmailRetry => MessageFactory.SuggestedActions(new[] { Skip },
                "That doesn't look like an e-mail address (it should look like name@example.com). Could you check it? You can also say \"skip\".", null, null),
            FlowStep.EmailGivenUp => MessageFactory.Text($"I still can't read an e-mail address there, so I'll leave it out. Your ticket {ticket.Number} is with our team; keep this chat open to see their reply."),
            _ => MessageFactory.Text($"No problem. Your ticket {ticket.Number} is with our team; keep this chat open to see their reply."),
        };
        return Traced([reply], ticket, null, step switch
        {
            FlowStep.EmailGiven => "e-mail address added to the ticket",
            FlowStep.EmailRetry => "not an e-mail address; asked again",
            FlowStep.EmailGivenUp => "not an e-mail address again; going on without it",
            _ => "the customer declined to give an e-mail address",
        });
    }

    /// <summary>Thanks for a rating.</summary>
    public IMessageActivity ThanksForRating(int rating) => MessageFactory.Text(rating >= 4
        ? "Thank you for your rating! Is there anything else I can help with?"
        : "Thank you for telling us. We'll use it to do better. Is there anything else I can help with?");

    /// <summary>"A person will reply here by 14:00 today.", or outside hours "We're closed now; a person will reply tomorrow after 09:00."</summary>
    private string WillReply(Ticket ticket, string who)
    {
        var promise = ReplyPromise.For(ticket.FirstResponseDue, clock.GetUtcNow().UtcDateTime, calendar);
        return promise.Closed ? promise.ClosedSentence(who) : $"{char.ToUpperInvariant(who[0])}{who[1..]} will reply here {promise.When}.";
    }

    /// <summary>
    /// The fixed replies in the customer's language when a person must answer because of it: those of the knowledge
    /// version that decided the turn (<c>languages.json</c> is published like the FAQ).
    /// </summary>
    private static LanguageReplies? InOtherLanguage(TurnDecision decision) => decision.LanguageHandover ? decision.LanguageReplies : null;

    private IReadOnlyList<IMessageActivity> Traced(List<IMessageActivity> replies, Ticket ticket, TurnDecision? decision, string reason)
    {
        if (options.DecisionTrace) replies[^1].Entities = [DecisionEntity.ForTicket(ticket, decision, reason)];
        return replies;
    }

    private static IMessageActivity Clarify(IReadOnlyList<FaqCandidate> suggestions)
    {
        var text = suggestions.Count == 1
            ? "I'm not completely sure I understood. Did you mean this?"
            : "I'm not completely sure which of these you mean. Did you mean:";
        var actions = suggestions.Select(s => new CardAction(ActionTypes.ImBack, s.Question, value: s.Question))
            .Append(new CardAction(ActionTypes.ImBack, TalkToPerson, value: TalkToPerson))
            .ToList();
        var reply = MessageFactory.Text(text);
        reply.SuggestedActions = new SuggestedActions { Actions = actions };
        return reply;
    }

    private string SmallTalkText(string intent) => intent switch
    {
        Intents.Thanks => "You're welcome! Is there anything else I can help with?",
        Intents.Goodbye => $"Thanks for chatting with {business.Current.BusinessName}. Goodbye!",
        _ => "Hello! What can I help you with today?",
    };

    private static string FallbackText() =>
        "Sorry, I don't know the answer to that, and I'd rather not guess. You could ask in other words, or tap " +
        $"\"{TalkToPerson}\" and I'll pass your question to our team.";
}
