namespace SmbBot.Core.Routing;

/// <summary>
/// Decides how to handle a customer message from the classifier's intent and the FAQ matches. A wrong answer is worse
/// than no answer: the bot answers only a clear match, asks when matches are close, and otherwise says it cannot.
/// </summary>
public static class TurnPolicy
{
    /// <summary>Decides the route; <paramref name="candidates"/> are ordered best first.</summary>
    public static TurnDecision Decide(IntentPrediction intent, IReadOnlyList<FaqCandidate> candidates, RoutingOptions options)
    {
        var best = candidates.Count > 0 ? candidates[0] : null;
        var runnerUp = candidates.Count > 1 ? candidates[1] : null;
        // A person is the safe failure, so handing over has its own (lower) threshold.
        bool sure = Intents.NeedsPerson(intent.Intent)
            ? intent.ActingConfidence >= options.HandoverLevel
            : intent.Confidence >= options.IntentLevel;
        bool clearMatch = best is not null && best.Score >= options.AnswerLevel
            && (runnerUp is null || best.Score - runnerUp.Score >= options.AnswerMargin);
        var near = best is null ? [] : candidates
            .Where(c => c.Score >= options.ClarifyLevel && c.Score >= best.Score - options.ClarifyBand)
            .Take(options.MaxSuggestions)
            .ToArray();

        TurnDecision Make(Route route, string reason, FaqCandidate? answer = null, IReadOnlyList<FaqCandidate>? offered = null) =>
            new(route, intent, answer, offered ?? [], candidates, reason);

        if (best is { Exact: true })
            return Make(Route.Faq, "the message is one of the FAQ's questions", answer: best);
        if (sure && Intents.NeedsPerson(intent.Intent))
        {
            // Urgent outranks everything, but only when it is sure on its own; otherwise a person is still needed and
            // the ticket takes the most probable ordinary kind (a complaint, the customer's own records, a person).
            if (intent.Intent == Intents.Urgent && intent.Confidence < options.HandoverLevel && intent.OrdinaryHandover is { } ordinary)
                return new TurnDecision(Route.Escalate, intent with { Intent = ordinary, Confidence = intent.ActingConfidence, OrdinaryHandover = null }, null, [], candidates,
                    $"a person is needed (urgent at {intent.Confidence:0.00} is not sure on its own; intent {ordinary})");
            return Make(Route.Escalate, $"intent {intent.Intent} needs a person");
        }
        if (clearMatch && sure && intent.Intent == Intents.OutOfScope)
            return Make(Route.Clarify, "clear FAQ match but the message looks out of scope", offered: [best!]);
        if (clearMatch)
            return Make(Route.Faq, "clear FAQ match", answer: best);
        if (sure && Intents.IsSmallTalk(intent.Intent))
            return Make(Route.SmallTalk, $"intent {intent.Intent}");
        if (sure && intent.Intent == Intents.OutOfScope)
            return Make(Route.Fallback, "out of scope") with { OffTopic = true };
        if (near.Length > 0)
            return Make(Route.Clarify, near.Length == 1 ? "one likely FAQ match below the answer level" : "several close FAQ matches", offered: near);
        return Make(Route.Fallback, sure ? "no FAQ entry fits" : "unsure of the intent and no FAQ entry fits");
    }
}
