using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Routing;

/// <summary>The try box names the threshold that decided a turn.</summary>
public class DecisionThresholdTests
{
    private static readonly RoutingOptions Options = new() { MinIntentConfidence = 0.6, MinHandoverConfidence = 0.5, AnswerScore = 0.7, ClarifyScore = 0.5 };

    [Theory]
    [InlineData("faq", 0.9f, 0.8, 0.5, "Routing:AnswerScore 0.70 (score 0.80)")]
    [InlineData("faq", 0.9f, 0.6, 0.1, "Routing:ClarifyScore 0.50")]
    [InlineData("faq", 0.9f, 0.3, 0.1, "below Routing:ClarifyScore 0.50 (best score 0.30)")]
    [InlineData("human", 0.8f, 0.3, 0.1, "Routing:MinHandoverConfidence 0.50 (intent human at 0.80)")]
    public void Names_the_setting_against_the_turns_own_number(string intent, float confidence, double best, double second, string expected)
    {
        var decision = TurnPolicy.Decide(new IntentPrediction(intent, confidence, intent == "human" ? confidence : null),
            [new FaqCandidate("a", "A?", best), new FaqCandidate("b", "B?", second)], Options);
        Assert.Contains(expected, DecisionThreshold.Of(decision, Options));
    }
}
