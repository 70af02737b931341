using SmbBot.Core.Conversations;

namespace SmbBot.Core.Insight;

/// <summary>One headline figure with its definition, as the dashboard, the CSV and the weekly e-mail show it.</summary>
/// <param name="Value">The number (a share is 0-1), or null when there is nothing to count yet.</param>
/// <param name="Unit"><c>count</c>, <c>share</c>, <c>minutes</c> or <c>rating</c>.</param>
public sealed record Figure(string Key, string Name, double? Value, string Unit, string Definition);

/// <summary>Tickets by their first reply: in time, late, or none yet.</summary>
public sealed record ReplyTimes(long InTime, long Late, long NotYet);

/// <summary>The counters of a range of days added up, and the figures read from them.</summary>
public sealed record InsightFigures(DateOnly From, DateOnly To, IReadOnlyList<Figure> Headline,
    IReadOnlyDictionary<string, long> HandOverReasons, IReadOnlyList<long> Hours, ReplyTimes Replies,
    [property: System.Text.Json.Serialization.JsonIgnore] IReadOnlyList<(string FaqId, long Count)> TopFaq)
{
    /// <summary>The figure with this key.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public Figure this[string key] => Headline.First(f => f.Key == key);

    /// <summary>
    /// Adds up <paramref name="days"/> (from <paramref name="from"/> to <paramref name="to"/>). Answered conversations
    /// nothing more was heard of count as resolved (assumed) only on days at least 7 days before
    /// <paramref name="today"/>; later ones are "awaiting".
    /// </summary>
    public static InsightFigures Read(IReadOnlyList<InsightDay> days, DateOnly from, DateOnly to, DateOnly today)
    {
        long Sum(string key) => days.Sum(d => d[key]);
        var settledBy = today.AddDays(-InsightDefinitions.ReopenWindow.Days).ToDateTime(TimeOnly.MinValue);
        var unconfirmed = InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed);
        var assumed = days.Where(d => d.Day <= settledBy).Sum(d => d[unconfirmed]);
        var awaiting = days.Where(d => d.Day > settledBy).Sum(d => d[unconfirmed]);
        var conversations = Sum(InsightKeys.Conversations);
        var confirmed = Sum(InsightKeys.Outcome(BotOutcome.Confirmed));
        var reopened = Sum(InsightKeys.Outcome(BotOutcome.Reopened));
        var handedOver = Sum(InsightKeys.HandedOver);
        var unansweredConversations = Sum(InsightKeys.Outcome(BotOutcome.Unanswered));
        var noQuestion = Sum(InsightKeys.Outcome(BotOutcome.NoQuestion));
        var decided = conversations - noQuestion - awaiting;
        var responded = Sum(InsightKeys.Responded);
        var tickets = Sum(InsightKeys.Tickets);

        double? Share(long part, long whole) => whole > 0 ? (double)part / whole : null;
        double? Mean(long sum, long n) => n > 0 ? (double)sum / n : null;
        Figure Csat(string who, string name, string definition) => new($"csat{char.ToUpperInvariant(who[0])}{who[1..]}", name,
            Share(Sum(InsightKeys.RatingsSatisfied(who)), Sum(InsightKeys.Ratings(who))), "share", definition);

        Figure[] headline =
        [
            new("conversations", "Conversations", conversations, "count", "Conversations in which the customer wrote at least once, counted on the day they started."),
            new("botResolved", "Resolved by the bot", Share(confirmed + assumed, decided), "share",
                "Confirmed plus assumed, out of the conversations that asked something and are old enough to judge (no hand-over, no return on the same topic within 7 days)."),
            new("confirmed", "Confirmed", confirmed, "count", "The bot answered and the customer then thanked it, with no hand-over and no return on the same topic within 7 days."),
            new("assumed", "Assumed", assumed, "count", "The bot answered, the customer said nothing more, did not ask for a person and did not come back on the same topic within 7 days. Counted only once 7 days have passed."),
            new("awaiting", "Awaiting 7 days", awaiting, "count", "Answered, nothing more heard yet, but less than 7 days ago: not counted as resolved until the 7 days pass."),
            new("reopened", "Reopened", reopened, "count", "The bot answered, but within 7 days the customer was handed to a person or came back asking the same entry again."),
            new("handedOver", "Handed over", handedOver, "count", "Conversations passed to a person as a ticket, whatever the reason (see the reasons chart)."),
            new("unanswered", "Unanswered messages", Sum(InsightKeys.Unanswered), "count", "Messages the bot said it could not answer, and did-you-mean suggestions the customer did not take."),
            new("unansweredConversations", "Left unanswered", unansweredConversations, "count", "Conversations with no answer and no hand-over in which the bot could not answer something: the customer left without help."),
            Csat("bot", "CSAT, bot only", "Share of 4 or 5 out of 5 among ratings of conversations no person answered."),
            Csat("human", "CSAT, with a person", "Share of 4 or 5 out of 5 among ratings of conversations a person answered (asked when the ticket is resolved)."),
            new("firstResponse", "First staff response", Mean(Sum(InsightKeys.ResponseMinutes), responded), "minutes", "Average minutes from a ticket's opening to the first reply by a person, over the tickets a person has answered."),
            new("slaMet", "Replied in time", Share(Sum(InsightKeys.SlaMet), responded), "share", "Share of answered tickets whose first reply came by the promised first-response time (business hours)."),
            new("awaitingReply", "Tickets not yet answered", tickets - responded, "count", "Tickets opened in the range that no person has replied to yet."),
        ];
        var reasons = Enum.GetValues<EscalationReason>().ToDictionary(r => r.ToString(), r => Sum(InsightKeys.HandedOverFor(r)));
        var hours = Enumerable.Range(0, 24).Select(h => Sum(InsightKeys.Hour(h))).ToArray();
        var faq = days.SelectMany(d => d.Counters).Where(c => c.Key.StartsWith("faq:", StringComparison.Ordinal))
            .GroupBy(c => c.Key[4..]).Select(g => (g.Key, g.Sum(c => c.Value))).OrderByDescending(f => f.Item2).ThenBy(f => f.Key, StringComparer.Ordinal).Take(10).ToArray();
        var met = Sum(InsightKeys.SlaMet);
        return new InsightFigures(from, to, headline, reasons, hours, new ReplyTimes(met, responded - met, tickets - responded), faq);
    }
}
