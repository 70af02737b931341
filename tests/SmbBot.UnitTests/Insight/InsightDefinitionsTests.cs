using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;

namespace SmbBot.UnitTests.Insight;

public class InsightDefinitionsTests
{
    [Theory]
    [InlineData("0 answer hours, 0.1 thanks", BotOutcome.Confirmed)]
    [InlineData("0 hi, 0.1 answer hours, 0.2 thanks", BotOutcome.Confirmed)]
    [InlineData("0 thanks, 0.1 answer hours", BotOutcome.AnsweredUnconfirmed)]             // thanks before the answer confirms nothing
    [InlineData("0 answer hours", BotOutcome.AnsweredUnconfirmed)]
    [InlineData("0 answer hours, 48 return", BotOutcome.Reopened)]                          // back on the same topic within 7 days
    [InlineData("0 answer hours, 167 return", BotOutcome.Reopened)]
    [InlineData("0 answer hours, 169 return", BotOutcome.AnsweredUnconfirmed)]              // after 7 days: a new question
    [InlineData("0 answer hours, 0.1 thanks, 24 return", BotOutcome.Reopened)]              // a return outweighs a thank-you
    [InlineData("0 answer hours, 0.2 handover AskedForPerson", BotOutcome.Reopened)]
    [InlineData("0 answer hours, 100 ticket Complaint", BotOutcome.Reopened)]
    [InlineData("0 answer hours, 170 ticket Complaint", BotOutcome.AnsweredUnconfirmed)]
    [InlineData("0 handover Complaint, 1 answer hours", BotOutcome.HandedOver)]            // a person had it first
    [InlineData("0 handover UrgentSafety", BotOutcome.HandedOver)]
    [InlineData("0 ticket AccountRequest", BotOutcome.HandedOver)]
    [InlineData("0 hi", BotOutcome.NoQuestion)]
    [InlineData("0 hi, 0.1 thanks", BotOutcome.NoQuestion)]
    [InlineData("0 fallback", BotOutcome.Unanswered)]
    [InlineData("0 clarify a|b", BotOutcome.Unanswered)]
    [InlineData("0 clarify a|b, 0.1 answer a", BotOutcome.AnsweredUnconfirmed)]             // the suggestion was taken
    [InlineData("0 fallback, 0.1 fallback, 0.1 handover NoAnswer", BotOutcome.HandedOver)]
    public void Conversation_counts_as(string history, BotOutcome expected) =>
        Assert.Equal(expected, InsightDefinitions.Outcome(History.Parse(history)));

    [Theory]
    [InlineData("0 answer a", 0)]
    [InlineData("0 fallback", 1)]
    [InlineData("0 clarify a|b", 1)]                        // left without choosing
    [InlineData("0 clarify a|b, 0.1 answer b", 0)]          // took a suggestion
    [InlineData("0 clarify a|b, 0.1 answer c", 1)]          // asked something else instead
    [InlineData("0 clarify a|b, 0.1 fallback, 0.2 hi", 2)]
    public void Counts_unanswered_messages(string history, int expected) =>
        Assert.Equal(expected, InsightDefinitions.UnansweredMessages(History.Parse(history).Facts).Count());

    [Theory]
    [InlineData("0 ticket AskedForPerson", "handover:AskedForPerson")]
    [InlineData("0 handover Complaint, 0 ticket Complaint", "handover:Complaint")]
    [InlineData("0 ticket AccountRequest", "handover:AccountRequest")]
    [InlineData("0 ticket UrgentSafety", "handover:UrgentSafety")]
    [InlineData("0 fallback, 0.1 handover NoAnswer", "handover:NoAnswer")]
    public void Counts_a_hand_over_once_under_its_reason(string history, string key)
    {
        var counts = InsightDefinitions.Contribution(History.Parse(history), t => t);

        Assert.Equal(1, counts[key]);
        Assert.Equal(1, counts[InsightKeys.HandedOver]);
        Assert.Single(counts.Keys, k => k.StartsWith("handover:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0 ticket NoAnswer, 1 staff, 5 rating 5", "human", 1)]
    [InlineData("0 ticket NoAnswer, 1 staff, 5 rating 2", "human", 0)]
    [InlineData("0 ticket NoAnswer, 5 rating 4", "bot", 1)]               // resolved without a person replying
    [InlineData("0 ticket NoAnswer, 5 rating 3", "bot", 0)]
    public void Keeps_CSAT_of_bot_only_and_human_handled_apart(string history, string who, int satisfied)
    {
        var counts = InsightDefinitions.Contribution(History.Parse(history), t => t);

        Assert.Equal(1, counts[InsightKeys.Ratings(who)]);
        Assert.Equal(satisfied, counts.GetValueOrDefault(InsightKeys.RatingsSatisfied(who)));
        var other = who == "bot" ? "human" : "bot";
        Assert.False(counts.ContainsKey(InsightKeys.Ratings(other)));
    }

    [Theory]
    [InlineData("0 ticket Complaint, 2 due, 1.5 staff", 90, true)]
    [InlineData("0 ticket Complaint, 2 due, 3 staff", 180, false)]
    public void Counts_the_first_staff_response_against_its_due_time(string history, long minutes, bool met)
    {
        var counts = InsightDefinitions.Contribution(History.Parse(history), t => t);

        Assert.Equal(1, counts[InsightKeys.Responded]);
        Assert.Equal(minutes, counts[InsightKeys.ResponseMinutes]);
        Assert.Equal(met ? 1 : 0, counts.GetValueOrDefault(InsightKeys.SlaMet));
    }

    [Fact]
    public void Counts_messages_by_local_hour_and_answers_by_entry()
    {
        var counts = InsightDefinitions.Contribution(History.Parse("0 answer a, 0.5 answer a, 1 answer b"), t => t.AddHours(1));

        Assert.Equal(2, counts[InsightKeys.Hour(10)]);   // 09:00 and 09:30 UTC are 10:00-11:00 local
        Assert.Equal(1, counts[InsightKeys.Hour(11)]);
        Assert.Equal(2, counts[InsightKeys.Faq("a")]);
        Assert.Equal(3, counts[InsightKeys.Messages]);
        Assert.Equal(1, counts[InsightKeys.Conversations]);
    }

    [Fact]
    public void Reads_a_flow_step_as_a_fact()
    {
        var decision = new SmbBot.Core.Routing.TurnDecision(SmbBot.Core.Routing.Route.Clarify, new("faq", 0.9f), null,
            [new("a", "A?", 0.5), new("b", "B?", 0.4)], [], "unsure");
        var fact = InsightDefinitions.FactOf(new FlowOutcome(FlowStep.Reply, decision), History.Start);

        Assert.Equal(TurnKind.Clarified, fact.Kind);
        Assert.Equal(["a", "b"], fact.Offered);
        Assert.Equal(TurnKind.HandedOver, InsightDefinitions.FactOf(new FlowOutcome(FlowStep.OpenTicket, decision, EscalationReason.Complaint), History.Start).Kind);
    }
}
