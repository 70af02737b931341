namespace SmbBot.Core.Routing;

/// <summary>What the classifier thinks the customer wants, with its probability.</summary>
/// <param name="HandoverConfidence">
/// When the intent is one of <see cref="Intents.NeedsPerson"/>: the probability of all of them together (urgent
/// included), since each hands the customer to a person; otherwise null.
/// </param>
/// <param name="OrdinaryHandover">
/// When the intent is <see cref="Intents.Urgent"/>: the most probable of the ordinary hand-over intents, the ticket's
/// kind when urgent alone is not sure enough but a person is.
/// </param>
public sealed record IntentPrediction(string Intent, float Confidence, float? HandoverConfidence = null, string? OrdinaryHandover = null)
{
    /// <summary>The probability that acting on this intent is right: for a handover intent, that any of them is meant.</summary>
    public float ActingConfidence => HandoverConfidence ?? Confidence;
}

/// <summary>An FAQ entry that may answer the customer, scored from 0 (unrelated) to 1 (the same question).</summary>
/// <param name="Exact">The message is, up to case and punctuation, one of the entry's questions.</param>
/// <param name="AnswerText">The entry's answer, as the customer reads it.</param>
public sealed record FaqCandidate(string FaqId, string Question, double Score, bool Exact = false, string AnswerText = "");

/// <summary>How the bot handles a turn.</summary>
public enum Route
{
    /// <summary>Answer with an FAQ entry.</summary>
    Faq,
    /// <summary>Ask "did you mean" with two or three FAQ entries.</summary>
    Clarify,
    /// <summary>A person must handle it.</summary>
    Escalate,
    /// <summary>Greeting, thanks or goodbye.</summary>
    SmallTalk,
    /// <summary>Say honestly that the bot cannot answer, and offer a person.</summary>
    Fallback,
}

/// <summary>The decision for one customer message and why it was taken.</summary>
/// <param name="Answer">The FAQ entry answered with (route <see cref="Route.Faq"/>).</param>
/// <param name="Suggestions">The entries offered (route <see cref="Route.Clarify"/>).</param>
/// <param name="Candidates">The FAQ matches considered, best first.</param>
/// <param name="Reason">A short explanation for the decision trace.</param>
/// <param name="OffTopic">The classifier is sure the message is nothing the business deals with.</param>
public sealed record TurnDecision(
    Route Route,
    IntentPrediction Intent,
    FaqCandidate? Answer,
    IReadOnlyList<FaqCandidate> Suggestions,
    IReadOnlyList<FaqCandidate> Candidates,
    string Reason,
    bool OffTopic = false)
{
    /// <summary>The best FAQ match, whether or not it was used.</summary>
    public FaqCandidate? BestMatch => Candidates.Count > 0 ? Candidates[0] : null;

    /// <summary>The language the message was taken to be in (ISO 639-1; <c>en</c> unless a detector said otherwise).</summary>
    public string Language { get; init; } = Languages.LanguageCatalog.English;

    /// <summary>Why the message was taken to be in <see cref="Language"/>; empty when no detector looked.</summary>
    public string LanguageWhy { get; init; } = "";

    /// <summary>The message is in another language and no FAQ entry answers it surely: a person answers.</summary>
    public bool LanguageHandover { get; init; }

    /// <summary>
    /// With <see cref="LanguageHandover"/>: the fixed replies in <see cref="Language"/> of the knowledge version that took
    /// the decision, so the turn's reply comes from that version even if another one goes live meanwhile.
    /// </summary>
    public Languages.LanguageReplies? LanguageReplies { get; init; }

    /// <summary>
    /// The words of a security incident the message names (<see cref="Languages.SecurityIncidents"/>); the urgent reply
    /// then gives the security instruction instead of the safety one. Null otherwise.
    /// </summary>
    public string? SecurityIncident { get; init; }

    /// <summary>The message was read together with the previous turn's topic (which one); null when it stood on its own.</summary>
    public string? FollowUpOf { get; init; }
}
