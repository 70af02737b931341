using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Nlu;
using SmbBot.UnitTests.Retrieval;

namespace SmbBot.UnitTests.Nlu;

/// <summary>Cross-validated predictions with the real ML.NET pipeline and MiniLM embeddings.</summary>
public class HeldOutPredictionTests(EmbeddingFixture fixture) : IClassFixture<EmbeddingFixture>
{
    private readonly MiniLmEmbeddingGenerator _embeddings = fixture.Embeddings;

    private List<IntentSample> Samples(params (string Label, string[] Texts)[] intents) => intents
        .SelectMany(i => i.Texts.Select(t => new IntentSample { Text = t, Label = i.Label, Embedding = _embeddings.Embed(t) }))
        .ToList();

    [Fact]
    public void Every_sample_is_predicted_by_a_model_that_did_not_see_it()
    {
        var samples = Samples(
            (Intents.Greeting, ["hello", "hi there", "good morning", "hey", "hello again"]),
            (Intents.Thanks, ["thank you", "thanks a lot", "many thanks", "cheers", "thanks so much"]),
            // One example only: whatever fold holds it, its model never saw this intent.
            (Intents.Urgent, ["there is smoke coming from the heater"]));

        var heldOut = IntentClassifier.HeldOut(samples, folds: 5);

        Assert.Equal(samples.Select(s => s.Text), heldOut.Select(h => h.Text));
        var lone = heldOut.Single(h => h.Label == Intents.Urgent);
        Assert.False(lone.Correct);
        Assert.Equal(0, lone.TrueProbability);
        Assert.True(heldOut.Count(h => h.Correct) >= 8, string.Join(", ", heldOut.Select(h => $"{h.Text}->{h.Predicted.Intent}")));
        Assert.Equal(heldOut.Select(h => h.Predicted), IntentClassifier.HeldOut(samples, folds: 5).Select(h => h.Predicted));
    }

    [Fact]
    public void The_report_summarises_held_out_predictions()
    {
        HeldOutPrediction P(string label, string predicted, float p) => new("t", label, new IntentPrediction(predicted, 0.9f), p);

        var report = CrossValidationReport.From([P("a", "a", 0.9f), P("a", "a", 0.8f), P("a", "b", 0.1f), P("b", "b", 0.5f)], 5);

        Assert.Equal(0.75, report.MicroAccuracy, 6);
        Assert.Equal((2 / 3.0 + 1) / 2, report.MacroAccuracy, 6);
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.1) + Math.Log(0.5)) / 4, report.LogLoss, 4);
        Assert.Throws<ArgumentOutOfRangeException>(() => IntentClassifier.HeldOut([], folds: 1));
    }
}
