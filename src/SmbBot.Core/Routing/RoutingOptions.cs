using System.ComponentModel.DataAnnotations;

namespace SmbBot.Core.Routing;

/// <summary>
/// The confidence levels at which the bot acts (section <c>Routing</c>). The three thresholds are chosen from the
/// knowledge by <see cref="RoutingCalibrator"/> to reach the target precisions; a value set here pins it instead.
/// </summary>
public sealed class RoutingOptions : IValidatableObject
{
    public const string SectionName = "Routing";

    /// <summary>
    /// Used for a threshold that is neither set nor could be calibrated (too few examples). The answer score was
    /// chosen on the development kits (one question per FAQ entry, as owners write them; docs/quality.md).
    /// </summary>
    public const double FallbackMinIntentConfidence = 0.5, FallbackMinHandoverConfidence = 0.5, FallbackAnswerScore = 0.5, FallbackClarifyScore = 0.45;

    /// <summary>Below this probability the bot does not act on small talk or off-topic. Null: calibrated.</summary>
    [Range(0.0, 1.0)] public double? MinIntentConfidence { get; set; }

    /// <summary>
    /// Below this probability the bot does not hand over to a person on its own (the probability of the handover
    /// intents together; of <c>urgent</c> alone). Null: calibrated.
    /// </summary>
    [Range(0.0, 1.0)] public double? MinHandoverConfidence { get; set; }

    /// <summary>FAQ match score at or above which the bot answers outright (if the runner-up is far enough behind). Null: calibrated.</summary>
    [Range(0.0, 1.0)] public double? AnswerScore { get; set; }

    /// <summary>FAQ match score at or above which an entry is offered in a "did you mean". Null: calibrated.</summary>
    [Range(0.0, 1.0)] public double? ClarifyScore { get; set; }

    /// <summary>Share of the held-out messages answered as small talk or off-topic that must be right.</summary>
    [Range(0.5, 1.0)] public double IntentPrecision { get; set; } = 0.97;

    /// <summary>
    /// Share of the held-out hand-overs to a person that must be right. Lower than the others: a person looking at a
    /// message that did not need one is the safe failure.
    /// </summary>
    [Range(0.5, 1.0)] public double HandoverPrecision { get; set; } = 0.9;

    /// <summary>Share of the held-out questions answered outright that must get the right FAQ entry.</summary>
    [Range(0.5, 1.0)] public double AnswerPrecision { get; set; } = 0.98;

    /// <summary>Share of the held-out "did you mean" offers that must include the right FAQ entry.</summary>
    [Range(0.0, 1.0)] public double SuggestionPrecision { get; set; } = 0.8;

    /// <summary>How far ahead of the runner-up the best match must be to answer without asking.</summary>
    [Range(0.0, 1.0)] public double AnswerMargin { get; set; } = 0.10;

    /// <summary>Entries within this distance of the best match are offered together.</summary>
    [Range(0.0, 1.0)] public double ClarifyBand { get; set; } = 0.10;

    /// <summary>Most entries offered in a "did you mean".</summary>
    [Range(2, 5)] public int MaxSuggestions { get; set; } = 3;

    /// <summary>Share of an FAQ match score that comes from shared keywords rather than meaning (0 to 1).</summary>
    [Range(0.0, 1.0)] public double KeywordWeight { get; set; } = 0.3;

    /// <summary>How much a match with an answer's text counts against a match with a question (0 to 1).</summary>
    [Range(0.0, 1.0)] public double AnswerWeight { get; set; } = 0.9;

    /// <summary>The small-talk and off-topic threshold in effect.</summary>
    public double IntentLevel => MinIntentConfidence ?? FallbackMinIntentConfidence;

    /// <summary>The hand-over threshold in effect.</summary>
    public double HandoverLevel => MinHandoverConfidence ?? FallbackMinHandoverConfidence;

    /// <summary>The answer threshold in effect.</summary>
    public double AnswerLevel => AnswerScore ?? FallbackAnswerScore;

    /// <summary>The "did you mean" threshold in effect (never above the answer threshold).</summary>
    public double ClarifyLevel => Math.Min(ClarifyScore ?? FallbackClarifyScore, AnswerLevel);

    /// <summary>A copy with the given thresholds; null keeps this one's.</summary>
    public RoutingOptions With(double? minIntentConfidence = null, double? answerScore = null, double? clarifyScore = null,
        double? minHandoverConfidence = null)
    {
        var copy = (RoutingOptions)MemberwiseClone();
        copy.MinIntentConfidence = minIntentConfidence ?? MinIntentConfidence;
        copy.MinHandoverConfidence = minHandoverConfidence ?? MinHandoverConfidence;
        copy.AnswerScore = answerScore ?? AnswerScore;
        copy.ClarifyScore = clarifyScore ?? ClarifyScore;
        return copy;
    }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClarifyScore > AnswerScore)
            yield return new ValidationResult(
                $"Routing:ClarifyScore ({ClarifyScore}) must not be above Routing:AnswerScore ({AnswerScore})",
                [nameof(ClarifyScore), nameof(AnswerScore)]);
    }
}
