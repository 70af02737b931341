using SmbBot.Core.Languages;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Languages;

public class ForeignMessagePolicyTests
{
    private static readonly FaqCandidate Hours = new("store-hours", "What are your opening hours?", 0.8, AnswerText: "9-18");
    private static readonly FaqCandidate Horario = new("horario", "¿Cuál es su horario?", 0.7, AnswerText: "9-18");

    private static TurnDecision Answered(FaqCandidate answer) =>
        new(Route.Faq, new IntentPrediction(Intents.Faq, 0.9f), answer, [], [answer], "clear FAQ match");

    private static string FaqLanguage(string id) => id == "horario" ? "es" : "en";

    [Fact]
    public void An_English_message_keeps_its_decision_and_is_marked_English()
    {
        var decision = ForeignMessagePolicy.Apply(Answered(Hours), new MessageLanguage("en", "English function words"), FaqLanguage);
        Assert.Equal((Route.Faq, "en", false), (decision.Route, decision.Language, decision.LanguageHandover));
    }

    [Fact]
    public void A_foreign_message_matched_across_languages_goes_to_a_person()
    {
        var decision = ForeignMessagePolicy.Apply(Answered(Hours), new MessageLanguage("es", "detected es (1.00)"), FaqLanguage);
        Assert.Equal((Route.Escalate, "es", true), (decision.Route, decision.Language, decision.LanguageHandover));
        Assert.Null(decision.Answer);
        Assert.Equal([Hours], decision.Candidates);
        Assert.Equal(Core.Conversations.EscalationReason.NoAnswer, Core.Conversations.ConversationFlow.ReasonFor(decision, "¿A qué hora abren?"));
    }

    [Fact]
    public void A_foreign_message_answered_by_an_entry_in_its_own_language_is_answered() =>
        Assert.Equal(Route.Faq, ForeignMessagePolicy.Apply(Answered(Horario), new MessageLanguage("es", "detected"), FaqLanguage).Route);

    [Fact]
    public void A_foreign_message_that_is_exactly_an_FAQ_question_is_answered() =>
        Assert.Equal(Route.Faq, ForeignMessagePolicy.Apply(Answered(Hours with { Exact = true }), new MessageLanguage("fr", "detected"), FaqLanguage).Route);

    [Theory]
    [InlineData(Route.Clarify)]
    [InlineData(Route.SmallTalk)]
    [InlineData(Route.Fallback)]
    public void A_foreign_message_the_bot_would_not_answer_outright_goes_to_a_person(Route route)
    {
        var decision = new TurnDecision(route, new IntentPrediction(Intents.Greeting, 0.6f), null, [Hours], [Hours], "x");
        var applied = ForeignMessagePolicy.Apply(decision, new MessageLanguage("pl", "detected"), FaqLanguage);
        Assert.Equal((Route.Escalate, true), (applied.Route, applied.LanguageHandover));
        Assert.Empty(applied.Suggestions);
    }
}
