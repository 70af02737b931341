using System.Globalization;
using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;

namespace SmbBot.Core.Insight;

/// <summary>What one conversation counts as, for the question "did the bot resolve it?".</summary>
public enum BotOutcome
{
    /// <summary>Only small talk, or nothing the bot was asked to answer.</summary>
    NoQuestion,
    /// <summary>No answer and no hand-over: the bot could not answer (or was unsure) and the customer left.</summary>
    Unanswered,
    /// <summary>Handed to a person before the bot gave any answer.</summary>
    HandedOver,
    /// <summary>Answered, then handed over or back on the same topic within 7 days.</summary>
    Reopened,
    /// <summary>Answered, and the customer said it helped (thanked the bot after the answer).</summary>
    Confirmed,
    /// <summary>Answered, nothing more heard: counted as resolved (assumed) only once 7 days have passed.</summary>
    AnsweredUnconfirmed,
}

/// <summary>
/// The insight figures' definitions as pure functions of a conversation's summary: what it counts as, which of its
/// messages went unanswered, and what it adds to the counters of its day. Every figure on the dashboard is a sum of
/// these.
/// </summary>
public static class InsightDefinitions
{
    /// <summary>How long after an answer a return or hand-over still means the answer did not settle it.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

    /// <summary>Ratings at or above this are "satisfied" in the CSAT share.</summary>
    public const int Satisfied = 4;

    /// <summary>The fact to count for a step of the conversation flow.</summary>
    public static TurnFact FactOf(FlowOutcome outcome, DateTime at)
    {
        var fact = new TurnFact { At = at, Kind = TurnKind.Other };
        var decision = outcome.Decision;
        if (outcome.Step == FlowStep.OpenTicket)
        {
            fact.Kind = TurnKind.HandedOver;
            fact.Reason = outcome.Reason;
        }
        else if (outcome.Step is FlowStep.Reply or FlowStep.ReplyAndAddToTicket && decision is not null)
        {
            fact.Kind = decision.Route switch
            {
                Route.Faq => TurnKind.Answered,
                Route.Clarify => TurnKind.Clarified,
                Route.SmallTalk => TurnKind.SmallTalk,
                _ => TurnKind.Fallback,
            };
            fact.FaqId = decision.Route == Route.Faq ? decision.Answer?.FaqId : null;
            fact.Offered = decision.Route == Route.Clarify ? [.. decision.Suggestions.Select(s => s.FaqId)] : [];
            fact.Intent = decision.Route == Route.SmallTalk ? decision.Intent.Intent : null;
        }
        return fact;
    }

    /// <summary>
    /// Messages the bot could not answer: each "I don't know", and each "did you mean" whose suggestions the customer
    /// did not take with their next message.
    /// </summary>
    public static IEnumerable<int> UnansweredMessages(IReadOnlyList<TurnFact> facts)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            var f = facts[i];
            if (f.Kind == TurnKind.Fallback) yield return i;
            else if (f.Kind == TurnKind.Clarified && !SuggestionTaken(f, i + 1 < facts.Count ? facts[i + 1] : null)) yield return i;
        }
    }

    /// <summary>The customer's next message was answered with one of the entries offered.</summary>
    public static bool SuggestionTaken(TurnFact clarified, TurnFact? next) =>
        next is { Kind: TurnKind.Answered, FaqId: { } id } && clarified.Offered.Contains(id);

    /// <summary>When the conversation was first handed to a person, if it was.</summary>
    public static DateTime? HandedOverAt(ConversationInsight c)
    {
        var fact = c.Facts.FirstOrDefault(f => f.Kind == TurnKind.HandedOver)?.At;
        return (fact, c.TicketCreatedAt) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            (var a, var b) => a ?? b,
        };
    }

    /// <summary>What the conversation counts as (see <see cref="BotOutcome"/>).</summary>
    public static BotOutcome Outcome(ConversationInsight c)
    {
        var answers = c.Facts.Where(f => f.Kind == TurnKind.Answered).ToArray();
        var handedOver = HandedOverAt(c);
        if (answers.Length == 0)
        {
            if (handedOver is not null) return BotOutcome.HandedOver;
            return UnansweredMessages(c.Facts).Any() ? BotOutcome.Unanswered : BotOutcome.NoQuestion;
        }
        var first = answers[0].At;
        var last = answers[^1].At;
        if (handedOver is { } h && h < first) return BotOutcome.HandedOver;
        if (handedOver is { } h2 && h2 - last <= ReopenWindow) return BotOutcome.Reopened;
        if (c.ReturnedAt is { } r && r >= first && r - last <= ReopenWindow) return BotOutcome.Reopened;
        var thanked = c.Facts.Any(f => f.Kind == TurnKind.SmallTalk && f.Intent == Intents.Thanks && f.At >= first);
        return thanked ? BotOutcome.Confirmed : BotOutcome.AnsweredUnconfirmed;
    }

    /// <summary>A person answered the customer: the conversation is human-handled for CSAT.</summary>
    public static bool HumanHandled(ConversationInsight c) => c.FirstResponseAt is not null;

    /// <summary>
    /// What the conversation adds to the counters of its day; <paramref name="local"/> turns a UTC time into the
    /// business's local time (for the busiest hours). Keys are listed in <see cref="InsightKeys"/>.
    /// </summary>
    public static Dictionary<string, long> Contribution(ConversationInsight c, Func<DateTime, DateTime> local)
    {
        var counts = new Dictionary<string, long>();
        void Add(string key, long n = 1) { if (n != 0) counts[key] = counts.GetValueOrDefault(key) + n; }

        if (c.Facts.Count > 0)
        {
            Add(InsightKeys.Conversations);
            Add(InsightKeys.Outcome(Outcome(c)));
            Add(InsightKeys.Messages, c.Facts.Count);
            Add(InsightKeys.Unanswered, UnansweredMessages(c.Facts).Count());
            foreach (var f in c.Facts)
            {
                Add(InsightKeys.Hour(local(f.At).Hour));
                if (f.Kind == TurnKind.Answered && f.FaqId is { } id) Add(InsightKeys.Faq(id));
            }
        }
        var reason = c.TicketReason ?? c.Facts.FirstOrDefault(f => f.Kind == TurnKind.HandedOver)?.Reason;
        if (reason is { } r)
        {
            Add(InsightKeys.HandedOver);
            Add(InsightKeys.HandedOverFor(r));
        }
        if (c.TicketId is not null)
        {
            Add(InsightKeys.Tickets);
            if (c.FirstResponseAt is { } answered && c.TicketCreatedAt is { } created)
            {
                Add(InsightKeys.Responded);
                Add(InsightKeys.ResponseMinutes, (long)Math.Max(0, Math.Round((answered - created).TotalMinutes)));
                if (c.FirstResponseDue is { } due && answered <= due) Add(InsightKeys.SlaMet);
            }
        }
        if (c.Rating is { } rating)
        {
            var who = HumanHandled(c) ? "human" : "bot";
            Add(InsightKeys.Ratings(who));
            Add(InsightKeys.RatingSum(who), rating);
            if (rating >= Satisfied) Add(InsightKeys.RatingsSatisfied(who));
        }
        return counts;
    }
}

/// <summary>The names of the day counters.</summary>
public static class InsightKeys
{
    public const string Conversations = "conversations";
    public const string Messages = "messages";
    public const string Unanswered = "unanswered";
    public const string HandedOver = "handover";
    public const string Tickets = "tickets";
    public const string Responded = "responded";
    public const string ResponseMinutes = "responseMinutes";
    public const string SlaMet = "slaMet";

    /// <summary>
    /// The counters read day by day (the trend chart, and answered conversations settling after 7 days); a week row
    /// keeps these per weekday.
    /// </summary>
    public static readonly IReadOnlySet<string> PerDay = new HashSet<string>(StringComparer.Ordinal)
    {
        Conversations, Unanswered, HandedOver, Outcome(BotOutcome.Confirmed), Outcome(BotOutcome.AnsweredUnconfirmed), Outcome(BotOutcome.Reopened),
    };

    public static string Outcome(BotOutcome outcome) => "outcome:" + outcome;
    public static string HandedOverFor(EscalationReason reason) => "handover:" + reason;
    public static string Hour(int hour) => "hour:" + hour.ToString("00", CultureInfo.InvariantCulture);
    public static string Faq(string id) => "faq:" + id;
    public static string Ratings(string who) => $"csat:{who}:count";
    public static string RatingSum(string who) => $"csat:{who}:sum";
    public static string RatingsSatisfied(string who) => $"csat:{who}:satisfied";
}
