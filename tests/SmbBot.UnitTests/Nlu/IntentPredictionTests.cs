using SmbBot.Core.Routing;
using SmbBot.Nlu;

namespace SmbBot.UnitTests.Nlu;

public class IntentPredictionTests
{
    private static readonly string[] Labels = ["faq", "human", "complaint", "account", "urgent", "greeting"];

    [Fact]
    public void An_ordinary_handover_counts_every_intent_that_needs_a_person_urgent_included()
    {
        var p = IntentClassifier.Prediction(Labels, [0.05f, 0.1f, 0.5f, 0.1f, 0.2f, 0.05f], best: 2);

        Assert.Equal("complaint", p.Intent);
        Assert.Equal(0.5f, p.Confidence);
        Assert.Equal(0.9f, p.ActingConfidence, 3);
        Assert.Null(p.OrdinaryHandover);
    }

    [Fact]
    public void Urgent_carries_the_most_probable_ordinary_handover()
    {
        var p = IntentClassifier.Prediction(Labels, [0.05f, 0.05f, 0.1f, 0.3f, 0.45f, 0.05f], best: 4);

        Assert.Equal("urgent", p.Intent);
        Assert.Equal(0.45f, p.Confidence);
        Assert.Equal(0.9f, p.ActingConfidence, 3);
        Assert.Equal("account", p.OrdinaryHandover);
    }

    [Fact]
    public void An_intent_that_needs_no_person_has_no_handover_probability()
    {
        var p = IntentClassifier.Prediction(Labels, [0.7f, 0.05f, 0.05f, 0.05f, 0.1f, 0.05f], best: 0);

        Assert.Equal("faq", p.Intent);
        Assert.Null(p.HandoverConfidence);
        Assert.Equal(0.7f, p.ActingConfidence);
    }
}
