namespace SmbBot.Core.Routing;

/// <summary>
/// A message from the knowledge seen as a customer would send it, with what models that never saw it made of it.
/// </summary>
/// <param name="Text">The message.</param>
/// <param name="ExpectedIntent">The intent it was written for.</param>
/// <param name="ExpectedFaqId">The FAQ entry it is a phrasing of; null when no entry should answer it.</param>
/// <param name="Intent">The classifier's prediction by a model trained without it (cross-validation).</param>
/// <param name="Candidates">FAQ matches with its own phrasing left out of the index, best first.</param>
public sealed record HeldOutTurn(string Text, string ExpectedIntent, string? ExpectedFaqId, IntentPrediction Intent, IReadOnlyList<FaqCandidate> Candidates);

/// <summary>A threshold in use, its target precision and where its value comes from.</summary>
public sealed record ThresholdInUse(string Setting, double Value, double TargetPrecision, string Source);

/// <summary>The four thresholds chosen from held-out turns.</summary>
/// <param name="PhrasingsPerEntry">How many ways of asking each FAQ entry the knowledge gives, on average.</param>
public sealed record RoutingCalibration(CalibratedThreshold Intent, CalibratedThreshold Handover, CalibratedThreshold Answer, CalibratedThreshold Suggestion,
    double PhrasingsPerEntry = 0)
{
    /// <summary>
    /// Below this many phrasings per FAQ entry, the held-out replays of the FAQ (each phrasing looked up with itself
    /// left out) say little about how customers' own words score, so the answer threshold is the product's default.
    /// </summary>
    public const double MinPhrasingsPerEntry = 2;

    /// <summary>Whether the FAQ gives too few phrasings to choose the answer threshold from.</summary>
    public bool ThinFaq => PhrasingsPerEntry < MinPhrasingsPerEntry;

    /// <summary>Fewer held-out outcomes than this do not choose a threshold; the fallback is used.</summary>
    public const int MinimumSamples = 20;

    /// <summary>Whether the threshold rests on enough held-out outcomes and reached its target.</summary>
    public static bool Usable(CalibratedThreshold t) => t.Reached && t.Samples >= MinimumSamples;

    /// <summary>The thresholds <paramref name="resolved"/> uses and where each comes from.</summary>
    public IReadOnlyList<ThresholdInUse> InUse(RoutingOptions configured, RoutingOptions resolved) =>
    [
        new("MinIntentConfidence", resolved.IntentLevel, configured.IntentPrecision, Describe(configured.MinIntentConfidence, Intent, resolved.IntentLevel)),
        new("MinHandoverConfidence", resolved.HandoverLevel, configured.HandoverPrecision, Describe(configured.MinHandoverConfidence, Handover, resolved.HandoverLevel)),
        new("AnswerScore", resolved.AnswerLevel, configured.AnswerPrecision, configured.AnswerScore is null && ThinFaq
            ? $"thin evidence: the FAQ gives {PhrasingsPerEntry:0.0} ways of asking per entry (at least {MinPhrasingsPerEntry:0} are needed to calibrate), the product's default is used"
            : Describe(configured.AnswerScore, Answer, resolved.AnswerLevel)),
        new("ClarifyScore", resolved.ClarifyLevel, configured.SuggestionPrecision, Describe(configured.ClarifyScore, Suggestion, resolved.ClarifyLevel)),
    ];

    /// <summary>Where a threshold in use comes from, in words for the log, <c>/health/ready</c> and the verbs.</summary>
    private static string Describe(double? configured, CalibratedThreshold calibrated, double inUse) =>
        configured is not null ? "set in Routing"
        : (Usable(calibrated) ? $"calibrated: {calibrated.Precision:P1} right, {calibrated.Coverage:P0} of the right ones kept, on {calibrated.Samples} held-out decisions"
            : calibrated.Samples < MinimumSamples ? $"thin evidence: only {calibrated.Samples} held-out decisions, the product's default is used"
            : $"thin evidence: no threshold reached the target on {calibrated.Samples} held-out decisions, the product's default is used")
          + (Usable(calibrated) && Math.Abs(calibrated.Threshold - inUse) > 1e-9 ? $"; kept within the product's bounds ({calibrated.Threshold:0.00} -> {inUse:0.00})" : "");
}

/// <summary>
/// Chooses <c>MinIntentConfidence</c>, <c>MinHandoverConfidence</c>, <c>AnswerScore</c> and <c>ClarifyScore</c> by replaying held-out turns
/// through <see cref="TurnPolicy"/> itself: each threshold is the lowest at which the decisions it controls reach
/// their target precision (<see cref="ConfidenceCalibration"/>). A threshold set in the options is kept as set.
/// </summary>
public static class RoutingCalibrator
{
    /// <summary>Calibrates the thresholds not set in <paramref name="options"/>; returns what was chosen and the options to use.</summary>
    public static (RoutingCalibration Calibration, RoutingOptions Resolved) Calibrate(IReadOnlyList<HeldOutTurn> turns, RoutingOptions options)
    {
        var intent = ConfidenceCalibration.Choose(IntentOutcomes(turns), options.IntentPrecision);
        var handover = ConfidenceCalibration.Choose(HandoverOutcomes(turns), options.HandoverPrecision);
        var resolved = options.With(
            minIntentConfidence: options.MinIntentConfidence ?? CalibrationBounds.Intent.Apply(Use(intent, RoutingOptions.FallbackMinIntentConfidence)),
            minHandoverConfidence: options.MinHandoverConfidence ?? CalibrationBounds.Handover.Apply(Use(handover, RoutingOptions.FallbackMinHandoverConfidence)));

        var answer = ConfidenceCalibration.Choose(AnswerOutcomes(turns, resolved), options.AnswerPrecision);
        var perEntry = PhrasingsPerEntry(turns);
        bool thin = perEntry < RoutingCalibration.MinPhrasingsPerEntry;
        resolved = resolved.With(answerScore: options.AnswerScore
            ?? (thin ? RoutingOptions.FallbackAnswerScore : CalibrationBounds.Answer.Apply(Use(answer, RoutingOptions.FallbackAnswerScore))));

        var suggestion = ConfidenceCalibration.Choose(SuggestionOutcomes(turns, resolved), options.SuggestionPrecision);
        resolved = resolved.With(clarifyScore: options.ClarifyScore
            ?? Math.Min(CalibrationBounds.Clarify.Apply(Use(suggestion, RoutingOptions.FallbackClarifyScore)), resolved.AnswerLevel));
        return (new RoutingCalibration(intent, handover, answer, suggestion, perEntry), resolved);
    }

    /// <summary>
    /// Turns the classifier answers as small talk or off-topic: right when the intent is the one the message was
    /// written for.
    /// </summary>
    public static IReadOnlyList<ScoredOutcome> IntentOutcomes(IEnumerable<HeldOutTurn> turns) => turns
        .Where(t => t.Intent.Intent != Intents.Faq && !Intents.NeedsPerson(t.Intent.Intent))
        .Select(t => new ScoredOutcome(t.Intent.Confidence, t.Intent.Intent == t.ExpectedIntent))
        .ToArray();

    /// <summary>
    /// Turns the classifier hands to a person, scored by <see cref="IntentPrediction.ActingConfidence"/>: right when
    /// the intent is the one the message was written for, or both are ordinary handover intents (a ticket either way;
    /// only its category and priority differ).
    /// </summary>
    public static IReadOnlyList<ScoredOutcome> HandoverOutcomes(IEnumerable<HeldOutTurn> turns) => turns
        .Where(t => Intents.NeedsPerson(t.Intent.Intent))
        .Select(t => new ScoredOutcome(t.Intent.ActingConfidence, t.Intent.Intent == t.ExpectedIntent
            || (Intents.IsHandover(t.Intent.Intent) && Intents.IsHandover(t.ExpectedIntent))))
        .ToArray();

    /// <summary>
    /// Turns the policy would answer with an FAQ entry at some answer threshold, scored by the best match: right
    /// when it is the entry the message belongs to. Turns of FAQ-style examples without a known entry are left out.
    /// </summary>
    public static IReadOnlyList<ScoredOutcome> AnswerOutcomes(IEnumerable<HeldOutTurn> turns, RoutingOptions resolved)
    {
        var anyScore = resolved.With(answerScore: 0, clarifyScore: 0);
        return Judged(turns)
            .Select(t => TurnPolicy.Decide(t.Intent, t.Candidates, anyScore) is { Route: Route.Faq, Answer: { } a }
                ? new ScoredOutcome(a.Score, a.FaqId == t.ExpectedFaqId) : (ScoredOutcome?)null)
            .OfType<ScoredOutcome>()
            .ToArray();
    }

    /// <summary>
    /// Turns the policy would answer with a "did you mean" at some suggestion threshold, scored by the best match:
    /// right when the offer includes the entry the message belongs to.
    /// </summary>
    public static IReadOnlyList<ScoredOutcome> SuggestionOutcomes(IEnumerable<HeldOutTurn> turns, RoutingOptions resolved)
    {
        var anyScore = resolved.With(clarifyScore: 0);
        return Judged(turns)
            .Select(t => TurnPolicy.Decide(t.Intent, t.Candidates, anyScore) is { Route: Route.Clarify } d && d.Suggestions.Count > 0
                ? new ScoredOutcome(d.Suggestions[0].Score, d.Suggestions.Any(s => s.FaqId == t.ExpectedFaqId)) : (ScoredOutcome?)null)
            .OfType<ScoredOutcome>()
            .ToArray();
    }

    /// <summary>Turns whose right FAQ answer is known: phrasings of an entry, and messages no entry should answer.</summary>
    private static IEnumerable<HeldOutTurn> Judged(IEnumerable<HeldOutTurn> turns) =>
        turns.Where(t => t.ExpectedFaqId is not null || t.ExpectedIntent != Intents.Faq);

    /// <summary>Held-out FAQ phrasings per FAQ entry.</summary>
    private static double PhrasingsPerEntry(IReadOnlyList<HeldOutTurn> turns)
    {
        var entries = turns.Where(t => t.ExpectedFaqId is not null).Select(t => t.ExpectedFaqId).Distinct().Count();
        return entries == 0 ? 0 : turns.Count(t => t.ExpectedFaqId is not null) / (double)entries;
    }

    private static double Use(CalibratedThreshold t, double fallback) => RoutingCalibration.Usable(t) ? t.Threshold : fallback;
}
