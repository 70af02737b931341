using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Conversations;

/// <summary>The conversation remembers its language from turn to turn and gives it to the next understanding.</summary>
public class ConversationLanguageTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static CustomerMessage Says(string text) => new(text, text, T0, "directline", "u1", "{}");

    private static TurnDecision InLanguage(string language, bool handover = false) =>
        new(handover ? Route.Escalate : Route.SmallTalk, new IntentPrediction(Intents.Greeting, 0.9f), null, [], [], "test")
        {
            Language = language, LanguageHandover = handover,
        };

    [Fact]
    public void A_message_in_another_language_opens_a_ticket_and_the_conversation_keeps_its_language()
    {
        var seen = new List<string>();
        var first = ConversationFlow.Step(new ConversationRecord { Id = "c1" }, TicketState.None, Says("¿Hacen envíos a Canarias?"),
            (_, context) => { seen.Add(context.Language); return InLanguage("es", handover: true); });
        Assert.Equal((FlowStep.OpenTicket, EscalationReason.NoAnswer), (first.Outcome.Step, first.Outcome.Reason));
        Assert.Equal("es", first.Record.Language);

        var opened = ConversationFlow.TicketOpened(first, 7, customerReachable: false);
        var second = ConversationFlow.Step(opened.Record, TicketState.Waiting, Says("gracias"),
            (_, context) => { seen.Add(context.Language); return InLanguage(context.Language, handover: true); });
        Assert.Equal(FlowStep.AddToTicket, second.Outcome.Step);
        Assert.Equal(["", "es"], seen);
    }

    [Fact]
    public void An_answer_to_the_email_question_leaves_the_language_as_it_was()
    {
        var record = new ConversationRecord { Id = "c1", Language = "fr", AwaitingEmail = true, OpenTicketId = 7 };
        var turn = ConversationFlow.Step(record, TicketState.Waiting, Says("marie@example.com"), (_, _) => throw new InvalidOperationException("not asked"));
        Assert.Equal((FlowStep.EmailGiven, "fr"), (turn.Outcome.Step, turn.Record.Language));
    }
}
