using System.Globalization;

namespace SmbBot.Core.Routing;

/// <summary>Names the routing threshold that decided a turn, for the FAQ editor's try box.</summary>
public static class DecisionThreshold
{
    /// <summary>The setting (and its value against the turn's own number) that made <see cref="TurnPolicy.Decide"/> choose <paramref name="decision"/>'s route.</summary>
    public static string Of(TurnDecision decision, RoutingOptions options)
    {
        string F(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
        var best = decision.BestMatch?.Score ?? 0;
        var intent = decision.Intent;
        return decision.Route switch
        {
            Route.Faq when decision.Answer is { Exact: true } => "none: the message is one of the entry's questions",
            Route.Faq => $"Routing:AnswerScore {F(options.AnswerLevel)} (score {F(best)}) and Routing:AnswerMargin {F(options.AnswerMargin)}",
            Route.Escalate when decision.SecurityIncident is { } incident && decision.Intent.Confidence >= 1f => $"none: the words name a security incident (\"{incident}\")",
            Route.Escalate => $"Routing:MinHandoverConfidence {F(options.HandoverLevel)} (intent {intent.Intent} at {F(intent.ActingConfidence)})",
            Route.SmallTalk => $"Routing:MinIntentConfidence {F(options.IntentLevel)} (intent {intent.Intent} at {F(intent.Confidence)})",
            Route.Fallback when decision.OffTopic => $"Routing:MinIntentConfidence {F(options.IntentLevel)} (out of scope at {F(intent.Confidence)})",
            Route.Clarify => $"Routing:ClarifyScore {F(options.ClarifyLevel)} and Routing:ClarifyBand {F(options.ClarifyBand)}; below Routing:AnswerScore {F(options.AnswerLevel)} or its margin (best score {F(best)})",
            _ => $"below Routing:ClarifyScore {F(options.ClarifyLevel)} (best score {F(best)})",
        };
    }
}
