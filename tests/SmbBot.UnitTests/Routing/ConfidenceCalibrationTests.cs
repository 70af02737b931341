using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Routing;

public class ConfidenceCalibrationTests
{
    private static ScoredOutcome[] Outcomes(params (double Score, bool Correct)[] items) =>
        items.Select(i => new ScoredOutcome(i.Score, i.Correct)).ToArray();

    [Fact]
    public void Chooses_the_lowest_threshold_at_which_the_decisions_taken_reach_the_target()
    {
        // Wrong predictions sit at 0.35 and 0.55; above 0.55 everything is right.
        var outcomes = Outcomes((0.9, true), (0.8, true), (0.7, true), (0.6, true), (0.55, false), (0.5, true), (0.35, false), (0.3, true));

        var strict = ConfidenceCalibration.Choose(outcomes, 1.0);
        var lenient = ConfidenceCalibration.Choose(outcomes, 0.8);

        Assert.Equal(0.56, strict.Threshold);
        Assert.Equal(1.0, strict.Precision);
        Assert.Equal(4 / 6.0, strict.Coverage, 6);
        Assert.True(strict.Reached);
        Assert.Equal(0.36, lenient.Threshold); // 5 of 6 right at 0.36; at 0.3 it is 6 of 8
        Assert.Equal(5 / 6.0, lenient.Precision, 6);
        Assert.Equal(8, lenient.Samples);
    }

    [Fact]
    public void Out_of_scope_messages_count_as_wrong_whenever_they_reach_the_threshold()
    {
        var inScope = Outcomes((0.9, true), (0.8, true), (0.6, true), (0.4, true));
        var outOfScope = Outcomes((0.7, false), (0.3, false));

        var chosen = ConfidenceCalibration.Choose([.. inScope, .. outOfScope], 1.0);

        Assert.Equal(0.71, chosen.Threshold);
        Assert.Equal(0.5, chosen.Coverage);
    }

    [Fact]
    public void Reports_when_no_threshold_reaches_the_target()
    {
        var chosen = ConfidenceCalibration.Choose(Outcomes((0.9, false), (0.5, true)), 0.9);

        Assert.False(chosen.Reached);
        Assert.Equal(1.0, chosen.Threshold);
        Assert.False(ConfidenceCalibration.Choose([], 0.9).Reached);
    }

    [Fact]
    public void Rejects_a_target_outside_zero_to_one()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceCalibration.Choose([], 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceCalibration.Choose([], -0.1));
    }
}
