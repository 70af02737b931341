using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SmbBot.Core.Routing;

namespace SmbBot.Bot;

/// <summary>Turns a decision into what the customer reads.</summary>
public sealed class ReplyComposer(BotOptions options, ITurnUnderstanding understanding)
{
    /// <summary>Suggested action that asks for a person.</summary>
    public const string TalkToPerson = "Talk to a person";

    /// <summary>The greeting sent when a customer opens the chat.</summary>
    public IMessageActivity Welcome() => MessageFactory.Text(
        $"Hello! I'm the {options.BusinessName} assistant. Ask me about opening hours, delivery, returns, payment and more. " +
        "If you need a person, just say so.");

    /// <summary>The reply to a message with no text.</summary>
    public IMessageActivity EmptyMessage() => MessageFactory.Text(
        "I didn't catch a question there. Type what you'd like to know, for example \"How much does delivery cost?\"");

    /// <summary>The reply for <paramref name="decision"/>.</summary>
    public IMessageActivity Reply(TurnDecision decision)
    {
        var reply = decision.Route switch
        {
            Route.Faq => MessageFactory.Text(understanding.AnswerFor(decision.Answer!.FaqId) ?? FallbackText()),
            Route.Clarify => Clarify(decision.Suggestions),
            Route.Escalate => MessageFactory.Text(EscalationText(decision.Intent.Intent)),
            Route.SmallTalk => MessageFactory.Text(SmallTalkText(decision.Intent.Intent)),
            _ => MessageFactory.SuggestedActions(new[] { TalkToPerson }, FallbackText(), null, null),
        };
        if (options.DecisionTrace) reply.Entities = [DecisionEntity.From(decision)];
        return reply;
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

    private string EscalationText(string intent) => intent switch
    {
        Intents.Urgent => $"{options.SafetyInstruction} A member of our team needs to handle this: {options.HandoffContact}",
        Intents.Complaint => $"I'm sorry to hear that. A complaint deserves a person, not a bot: {options.HandoffContact}",
        Intents.Account => $"I can't look into your own orders, invoices or bookings, but our team can: {options.HandoffContact}",
        _ => $"Of course. You can reach a person here: {options.HandoffContact}",
    };

    private string SmallTalkText(string intent) => intent switch
    {
        Intents.Thanks => "You're welcome! Is there anything else I can help with?",
        Intents.Goodbye => $"Thanks for chatting with {options.BusinessName}. Goodbye!",
        _ => $"Hello! What can I help you with today?",
    };

    private string FallbackText() =>
        "Sorry, I don't know the answer to that, and I'd rather not guess. You could ask in other words, " +
        $"or talk to a person: {options.HandoffContact}";
}
