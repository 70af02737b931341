using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Conversations;

public class FollowUpPolicyTests
{
    private static readonly FaqCandidate Hours = new("store-hours", "What are your store opening hours?", 0.8,
        AnswerText: "Monday to Friday 9:00-18:00, Saturday 9:00-17:00 and Sunday 10:00-16:00.");
    private static readonly FaqCandidate Student = new("student-discount", "Do you offer a student discount?", 0.8,
        AnswerText: "Students get 10% off full-price items.");

    private static TurnDecision Decided(Route route, FaqCandidate? answer = null, string intent = Intents.Faq) =>
        new(route, new IntentPrediction(intent, 0.9f), answer, route == Route.Clarify && answer is not null ? [answer] : [], answer is null ? [] : [answer], route.ToString());

    [Theory]
    [InlineData("and on Sundays?", true)]
    [InlineData("what about kids?", true)]
    [InlineData("how about Saturday", true)]
    [InlineData("how much is that?", true)]
    [InlineData("how long does that take?", true)]
    [InlineData("is it the same for kids?", true)]
    [InlineData("same for gift cards", true)]
    [InlineData("delivery", false)]                // a topic of its own
    [InlineData("and I would also like to know whether you deliver to the Isle of Wight on Saturdays", false)] // too long to lean on
    [InlineData("", false)]
    public void A_short_message_opening_like_a_continuation_or_pointing_back_does_not_stand_alone(string text, bool leans) =>
        Assert.Equal(leans, FollowUpPolicy.DoesNotStandAlone(text, Decided(Route.Fallback)));

    [Theory]
    [InlineData(Route.Faq)]
    [InlineData(Route.Escalate)]
    [InlineData(Route.SmallTalk)]
    public void A_message_settled_on_its_own_stands_alone(Route route) =>
        Assert.False(FollowUpPolicy.DoesNotStandAlone("and what about that?", Decided(route, route == Route.Faq ? Hours : null)));

    [Fact]
    public void A_clear_match_read_together_is_the_answer_and_says_it_used_the_previous_topic()
    {
        var chosen = FollowUpPolicy.Choose("and on Sundays?", Decided(Route.Fallback), Decided(Route.Faq, Hours), new FollowUpTopic(Hours.Question, Hours.FaqId));
        Assert.Equal((Route.Faq, "store-hours", "the previous answer (store-hours)"), (chosen.Route, chosen.Answer!.FaqId, chosen.FollowUpOf));
    }

    [Fact]
    public void The_previous_answer_again_is_not_given_when_the_follow_up_names_something_it_does_not_speak_of()
    {
        var own = Decided(Route.Fallback);
        var chosen = FollowUpPolicy.Choose("what about kids?", own, Decided(Route.Faq, Student), new FollowUpTopic(Student.Question, Student.FaqId));
        Assert.Equal((Route.Fallback, (string?)null), (chosen.Route, chosen.FollowUpOf));
    }

    [Fact]
    public void Nothing_clearer_read_together_keeps_the_messages_own_decision()
    {
        var own = Decided(Route.Clarify, Hours);
        var chosen = FollowUpPolicy.Choose("how much is that?", own, Decided(Route.Fallback), new FollowUpTopic("Do you rent kayaks?", null));
        Assert.Equal((Route.Clarify, (string?)null), (chosen.Route, chosen.FollowUpOf));
    }

    private static readonly DateTime T0 = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static FlowResult Step(ConversationRecord record, string text, TurnDecision decision, int minute, TicketState ticket = TicketState.None) =>
        ConversationFlow.Step(record, ticket, new CustomerMessage(text, text, T0.AddMinutes(minute), "directline", "u1", "{}"), (_, _) => decision);

    [Fact]
    public void The_topic_is_the_answered_question_and_lasts_ten_minutes()
    {
        var record = Step(new ConversationRecord { Id = "c1" }, "when are you open", Decided(Route.Faq, Hours), 0).Record;
        Assert.Equal(new FollowUpTopic(Hours.Question, "store-hours"), ConversationFlow.ContextOf(record, T0.AddMinutes(10)).Topic);
        Assert.Null(ConversationFlow.ContextOf(record, T0.AddMinutes(11)).Topic);
    }

    [Fact]
    public void Small_talk_keeps_the_topic_an_unanswered_message_becomes_it_and_a_hand_over_ends_it()
    {
        var record = Step(new ConversationRecord { Id = "c1" }, "when are you open", Decided(Route.Faq, Hours), 0).Record;
        record = Step(record, "thanks", Decided(Route.SmallTalk, intent: Intents.Thanks), 1).Record;
        Assert.Equal("store-hours", ConversationFlow.ContextOf(record, T0.AddMinutes(2)).Topic?.FaqId);
        record = Step(record, "do you rent kayaks", Decided(Route.Fallback), 2).Record;
        Assert.Equal(new FollowUpTopic("do you rent kayaks", null), ConversationFlow.ContextOf(record, T0.AddMinutes(3)).Topic);
        record = Step(record, "talk to a person", Decided(Route.Escalate, intent: Intents.Human), 3).Record;
        Assert.Null(ConversationFlow.ContextOf(record, T0.AddMinutes(4)).Topic);
    }
}
