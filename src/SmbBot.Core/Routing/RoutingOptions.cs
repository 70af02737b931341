using System.ComponentModel.DataAnnotations;

namespace SmbBot.Core.Routing;

/// <summary>The confidence levels at which the bot acts (section <c>Routing</c>).</summary>
public sealed class RoutingOptions : IValidatableObject
{
    public const string SectionName = "Routing";

    /// <summary>Below this classifier probability the bot does not act on the predicted intent.</summary>
    [Range(0.0, 1.0)] public double MinIntentConfidence { get; set; } = 0.5;

    /// <summary>FAQ match score at or above which the bot answers outright (if the runner-up is far enough behind).</summary>
    [Range(0.0, 1.0)] public double AnswerScore { get; set; } = 0.70;

    /// <summary>How far ahead of the runner-up the best match must be to answer without asking.</summary>
    [Range(0.0, 1.0)] public double AnswerMargin { get; set; } = 0.10;

    /// <summary>FAQ match score at or above which an entry is offered in a "did you mean".</summary>
    [Range(0.0, 1.0)] public double ClarifyScore { get; set; } = 0.45;

    /// <summary>Entries within this distance of the best match are offered together.</summary>
    [Range(0.0, 1.0)] public double ClarifyBand { get; set; } = 0.10;

    /// <summary>Most entries offered in a "did you mean".</summary>
    [Range(2, 5)] public int MaxSuggestions { get; set; } = 3;

    /// <summary>Share of an FAQ match score that comes from shared keywords rather than meaning (0 to 1).</summary>
    [Range(0.0, 1.0)] public double KeywordWeight { get; set; } = 0.3;

    /// <summary>How much a match with an answer's text counts against a match with a question (0 to 1).</summary>
    [Range(0.0, 1.0)] public double AnswerWeight { get; set; } = 0.9;

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClarifyScore > AnswerScore)
            yield return new ValidationResult(
                $"Routing:ClarifyScore ({ClarifyScore}) must not be above Routing:AnswerScore ({AnswerScore})",
                [nameof(ClarifyScore), nameof(AnswerScore)]);
    }
}
