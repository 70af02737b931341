using SmbBot.Core.Routing;

namespace SmbBot.Core.Languages;

/// <summary>
/// English words of a security incident that customers describe like an ordinary question, so that the classifier
/// reads them as one ("I typed my password into a fake page from an email link, what do I do" was answered with the
/// FAQ's password entry): credentials given to a fake page, site, e-mail or text; other customers' data shown to
/// the customer; an account taken over, hacked or compromised; fraudulent payments. Such a message is urgent whatever
/// else matched, except a message that is one of the FAQ's own questions. Only the incident itself, anchored on what
/// happened ("can see another company's invoices", not "someone else's details"), so that questions about security
/// ("do you have fraud protection?", "can someone else update my details?") are not raised. Matched like
/// <see cref="EmergencyPhrases"/>.
/// </summary>
public static class SecurityIncidents
{
    /// <summary>What the customer saw, and whose data it was ("can see another company's invoices").</summary>
    private static readonly string[] Seeing = ["see", "seeing", "shows", "showing", "showed"];

    private static readonly string[] OthersData = ["someone else s", "another customer s", "another company s", "other customers", "other patients", "other people s"];

    private static readonly string[][] Phrases = EmergencyPhrases.Prepare(
    [
        "phishing", "fake ~ page", "fake ~ website", "fake ~ site", "fake ~ login", "fake ~ link", "fake ~ email",
        "fake ~ text", "fake ~ invoice", "scam ~ email", "scam ~ text", "scam ~ link", "hacked", "account ~ taken over",
        "compromised", "fraudulent",
        .. from whose in OthersData from seen in Seeing select $"{seen} ~ {whose}",
    ]);

    /// <summary>The first incident phrase in <paramref name="text"/>, or null.</summary>
    public static string? Find(string text) => EmergencyPhrases.FindIn(Phrases, text);

    /// <summary>
    /// <paramref name="decision"/> for an English message <paramref name="text"/>: urgent when it names a security
    /// incident, unless it is one of the FAQ's own questions; the incident is noted either way (the reply's instruction).
    /// </summary>
    public static TurnDecision Apply(TurnDecision decision, string text)
    {
        if (decision.Answer is { Exact: true } || Find(text) is not { } incident) return decision;
        if (decision is { Route: Route.Escalate, Intent.Intent: Intents.Urgent }) return decision with { SecurityIncident = incident };
        return decision with
        {
            SecurityIncident = incident,
            Route = Route.Escalate,
            Intent = new IntentPrediction(Intents.Urgent, 1f, 1f, Intents.Account),
            Answer = null,
            Suggestions = [],
            Reason = $"the message names a security incident (\"{incident}\"): urgent, a person answers",
        };
    }
}
