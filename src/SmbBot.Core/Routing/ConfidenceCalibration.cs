namespace SmbBot.Core.Routing;

/// <summary>One held-out prediction: the score the bot would see, and whether acting on it would have been right.</summary>
public readonly record struct ScoredOutcome(double Score, bool Correct);

/// <summary>A threshold chosen from held-out predictions, with what it achieved on them.</summary>
/// <param name="Threshold">Act at or above this score.</param>
/// <param name="Precision">Share of the outcomes at or above the threshold that were right.</param>
/// <param name="Coverage">Share of all the right outcomes that are at or above the threshold.</param>
/// <param name="Samples">How many held-out outcomes the choice rests on.</param>
/// <param name="Reached">False when no threshold reached the target precision; the threshold is then the highest one tried.</param>
public sealed record CalibratedThreshold(double Threshold, double Precision, double Coverage, int Samples, bool Reached);

/// <summary>
/// Chooses a confidence threshold from held-out predictions (a validation split or cross-validation folds): the
/// lowest threshold at which at least <c>targetPrecision</c> of the predictions the bot would act on are right.
/// Lower thresholds act more often; the target bounds how often acting is wrong. Held-out messages that must not be
/// acted on at all (out of scope) count as wrong whenever their score reaches the threshold.
/// </summary>
public static class ConfidenceCalibration
{
    /// <summary>Thresholds are chosen on this grid, from 0 to 1.</summary>
    public const double Step = 0.01;

    /// <summary>The lowest threshold on the grid whose precision reaches <paramref name="targetPrecision"/>.</summary>
    public static CalibratedThreshold Choose(IReadOnlyList<ScoredOutcome> outcomes, double targetPrecision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(targetPrecision, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetPrecision, 1.0);
        int steps = (int)Math.Round(1 / Step);
        CalibratedThreshold? last = null;
        for (int i = 0; i <= steps; i++)
        {
            var point = At(outcomes, Math.Round(i * Step, 2));
            last = point;
            if (point.Reached && point.Precision >= targetPrecision) return point;
        }
        return last! with { Reached = false };
    }

    /// <summary>Precision and coverage of acting at or above <paramref name="threshold"/>.</summary>
    public static CalibratedThreshold At(IReadOnlyList<ScoredOutcome> outcomes, double threshold)
    {
        int acted = 0, right = 0, allRight = 0;
        foreach (var o in outcomes)
        {
            if (o.Correct) allRight++;
            // The same comparison as the bot's: at or above the threshold acts.
            if (o.Score < threshold) continue;
            acted++;
            if (o.Correct) right++;
        }
        return new CalibratedThreshold(
            threshold,
            acted == 0 ? 0 : right / (double)acted,
            allRight == 0 ? 0 : right / (double)allRight,
            outcomes.Count,
            Reached: acted > 0);
    }
}
