namespace SmbBot.Core.Routing;

/// <summary>The range a calibrated threshold is kept in.</summary>
public readonly record struct ThresholdBounds(double Floor, double Ceiling)
{
    /// <summary>The value, kept within the bounds.</summary>
    public double Apply(double value) => Math.Clamp(value, Floor, Ceiling);
}

/// <summary>
/// Bounds for the thresholds chosen from a business's own knowledge. A small or one-question-per-entry FAQ gives few
/// held-out decisions, and a threshold chosen on a handful of them can land where no real message scores: 0.00, so
/// that anything is acted on, or above every right answer, so that nothing is. The bounds were chosen on the
/// development kits in <c>tests/UnseenBusinesses/kits</c> and the sample shop (docs/quality.md), never on the
/// held-aside kit.
/// </summary>
public static class CalibrationBounds
{
    /// <summary>Small talk and off-topic: below an even chance the bot does not act on them.</summary>
    public static readonly ThresholdBounds Intent = new(0.5, 0.95);

    /// <summary>Handing over on its own: never on less than an even chance that a person is needed.</summary>
    public static readonly ThresholdBounds Handover = new(0.5, 0.9);

    /// <summary>Answering outright: above what unrelated questions score, below what right answers usually score.</summary>
    public static readonly ThresholdBounds Answer = new(0.45, 0.8);

    /// <summary>Offering a did-you-mean.</summary>
    public static readonly ThresholdBounds Clarify = new(0.3, 0.8);
}
