using SmbBot.Understanding.Evaluation;

namespace SmbBot.UnitTests.Evaluation;

public class Hint3ScoreTests
{
    private const string None = Hint3Evaluation.NoIntent;

    [Fact]
    public void Matthews_correlation_matches_the_published_binary_example() =>
        // scikit-learn's documented example: y_true [+1, +1, +1, -1], y_pred [+1, -1, +1, +1] -> -0.333...
        Assert.Equal(-1 / 3.0, Hint3Score.MatthewsCorrelation(["a", "a", "a", "b"], ["a", "b", "a", "a"]), 6);

    [Fact]
    public void Perfect_predictions_score_one_and_a_constant_guess_zero()
    {
        string[] gold = ["A", "B", None, None, "C"];
        Assert.Equal(1, Hint3Score.MatthewsCorrelation(gold, gold), 6);
        Assert.Equal(0, Hint3Score.MatthewsCorrelation(gold, [None, None, None, None, None]));
    }

    [Fact]
    public void Accuracy_in_scope_accuracy_and_out_of_scope_recall_count_no_intent_as_a_class()
    {
        string[] gold = ["A", "A", "B", None, None, None];
        string[] predicted = ["A", None, "A", None, "B", None];

        var score = Hint3Score.Of(gold, predicted, None);

        Assert.Equal((6, 3 / 6.0, 1 / 3.0, 2 / 3.0), (score.Messages, score.Accuracy, score.InScopeAccuracy, score.OutOfScopeRecall));
    }
}
