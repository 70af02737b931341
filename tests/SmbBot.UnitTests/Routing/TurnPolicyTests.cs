using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Routing;

public class TurnPolicyTests
{
    private static readonly RoutingOptions Options = new()
    {
        MinIntentConfidence = 0.5, AnswerScore = 0.7, AnswerMargin = 0.05, ClarifyScore = 0.55, ClarifyBand = 0.1, MaxSuggestions = 3,
    };

    // intent, confidence, candidate scores (a, b, c), expected route, expected answer or suggestions
    public static TheoryData<string, float, double[], Route, string> Table => new()
    {
        { "faq", 0.95f, [0.82, 0.60], Route.Faq, "a" },
        { "faq", 0.30f, [0.82, 0.60], Route.Faq, "a" },                // unsure intent, clear match: answer
        { "faq", 0.95f, [0.82, 0.80], Route.Clarify, "a,b" },          // two close matches: ask
        { "faq", 0.95f, [0.66, 0.62, 0.58, 0.57], Route.Clarify, "a,b,c" }, // at most three offered
        { "faq", 0.95f, [0.62, 0.40], Route.Clarify, "a" },            // one likely match below the answer level
        { "faq", 0.95f, [0.45, 0.40], Route.Fallback, "" },            // nothing fits
        { "faq", 0.20f, [0.30], Route.Fallback, "" },
        { "faq", 0.95f, [], Route.Fallback, "" },
        { "human", 0.90f, [0.90], Route.Escalate, "" },                // a person outranks a clear match
        { "complaint", 0.80f, [0.50], Route.Escalate, "" },
        { "account", 0.70f, [0.75, 0.50], Route.Escalate, "" },
        { "urgent", 0.60f, [], Route.Escalate, "" },
        { "human", 0.40f, [0.45], Route.Fallback, "" },                // unsure of the person request: no action on a guess
        { "human", 0.40f, [0.80, 0.50], Route.Faq, "a" },
        { "greeting", 0.97f, [0.30], Route.SmallTalk, "" },
        { "thanks", 0.90f, [0.58], Route.SmallTalk, "" },
        { "greeting", 0.90f, [0.85, 0.4], Route.Faq, "a" },            // "hi, what are your opening hours?"
        { "goodbye", 0.30f, [0.30], Route.Fallback, "" },
        { "out_of_scope", 0.95f, [0.60], Route.Fallback, "" },
        { "out_of_scope", 0.95f, [0.80, 0.50], Route.Clarify, "a" },   // disagreement: ask instead of answering
        { "out_of_scope", 0.30f, [0.58, 0.20], Route.Clarify, "a" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decides_the_route(string intent, float confidence, double[] scores, Route route, string expected)
    {
        var candidates = scores.Select((s, i) => new FaqCandidate(((char)('a' + i)).ToString(), $"Question {i}?", s)).ToArray();

        var decision = TurnPolicy.Decide(new IntentPrediction(intent, confidence), candidates, Options);

        Assert.Equal(route, decision.Route);
        var named = route == Route.Faq ? decision.Answer!.FaqId : string.Join(',', decision.Suggestions.Select(s => s.FaqId));
        Assert.Equal(expected, named);
        Assert.False(string.IsNullOrEmpty(decision.Reason));
    }

    [Fact]
    public void Urgent_sure_on_its_own_stays_urgent()
    {
        var decision = TurnPolicy.Decide(new IntentPrediction("urgent", 0.7f, 0.9f, "complaint"), [new FaqCandidate("a", "Question?", 0.8)], Options);

        Assert.Equal(Route.Escalate, decision.Route);
        Assert.Equal("urgent", decision.Intent.Intent);
    }

    [Fact]
    public void Urgent_unsure_on_its_own_but_a_person_needed_becomes_the_most_probable_ordinary_handover()
    {
        // "my card has been charged three times": urgent 0.45, complaint 0.35, account 0.1 -> a complaint ticket.
        var decision = TurnPolicy.Decide(new IntentPrediction("urgent", 0.45f, 0.9f, "complaint"), [new FaqCandidate("a", "How much is it?", 0.44)], Options);

        Assert.Equal(Route.Escalate, decision.Route);
        Assert.Equal("complaint", decision.Intent.Intent);
        Assert.Equal(0.9f, decision.Intent.Confidence);
        Assert.Contains("urgent at 0.45", decision.Reason);
    }

    [Fact]
    public void Urgent_with_no_person_probability_to_speak_of_is_not_acted_on()
    {
        var decision = TurnPolicy.Decide(new IntentPrediction("urgent", 0.3f, 0.4f, "human"), [], Options);

        Assert.NotEqual(Route.Escalate, decision.Route);
    }

    [Fact]
    public void An_exact_faq_question_is_answered_even_when_the_intent_disagrees()
    {
        var decision = TurnPolicy.Decide(new IntentPrediction("account", 0.9f), [new FaqCandidate("track", "How do I track my order?", 1, Exact: true)], Options);

        Assert.Equal(Route.Faq, decision.Route);
        Assert.Equal("track", decision.Answer!.FaqId);
    }

    [Fact]
    public void Clarify_above_answer_level_is_an_invalid_setting()
    {
        var options = new RoutingOptions { ClarifyScore = 0.8, AnswerScore = 0.7 };

        var problems = options.Validate(new(options)).ToArray();

        Assert.Contains(problems, p => p.ErrorMessage!.Contains("Routing:ClarifyScore"));
    }
}
