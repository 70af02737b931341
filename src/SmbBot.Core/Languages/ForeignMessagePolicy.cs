using SmbBot.Core.Routing;

namespace SmbBot.Core.Languages;

/// <summary>
/// What the bot does with a message that is not in English. Its FAQ matching understands English only, so a match
/// across languages is weak evidence: it answers only when the message is one of the FAQ's own questions or the FAQ
/// entry itself is written in the customer's language, and otherwise hands over to a person. A message that names an
/// emergency in its language (<see cref="EmergencyPhrases"/>) is urgent whatever else matched: the English classifier
/// cannot tell.
/// </summary>
public static class ForeignMessagePolicy
{
    /// <summary>
    /// <paramref name="decision"/> as it stands for a message in <paramref name="language"/>;
    /// <paramref name="faqLanguageOf"/> gives the language an FAQ entry is written in; <paramref name="text"/> is the message.
    /// </summary>
    public static TurnDecision Apply(TurnDecision decision, MessageLanguage language, Func<string, string> faqLanguageOf, string text = "")
    {
        var tagged = decision with { Language = language.Code, LanguageWhy = language.Why };
        if (language.IsEnglish) return tagged;
        var name = LanguageCatalog.Others.GetValueOrDefault(language.Code, language.Code);
        if (EmergencyPhrases.Find(language.Code, text) is { } emergency)
        {
            return tagged with
            {
                Route = Route.Escalate,
                Intent = new IntentPrediction(Intents.Urgent, 1f, 1f, decision.Intent.OrdinaryHandover),
                Answer = null,
                Suggestions = [],
                LanguageHandover = true,
                Reason = $"message in {name} names an emergency (\"{emergency}\"): urgent, a person answers",
            };
        }
        if (decision is { Route: Route.Faq, Answer: { } answer } && (answer.Exact || faqLanguageOf(answer.FaqId) == language.Code))
            return tagged;
        return tagged with
        {
            Route = Route.Escalate,
            Answer = null,
            Suggestions = [],
            LanguageHandover = true,
            Reason = $"message in {name}: the FAQ is matched in English only, so a person answers",
        };
    }
}
