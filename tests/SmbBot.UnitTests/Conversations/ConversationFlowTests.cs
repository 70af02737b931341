using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Conversations;

public class ConversationFlowTests
{
    private static TurnDecision Decision(Route route, string intent, bool offTopic = false) =>
        new(route, new IntentPrediction(intent, 0.9f), null, [], [], "test", offTopic);

    private static FlowOutcome Next(ConversationRecord c, bool open, string text, TurnDecision d) =>
        ConversationFlow.Next(c, open ? TicketState.Waiting : TicketState.None, text, _ => d);

    public static TheoryData<Route, string, bool, int, FlowStep, EscalationReason?> NoTicket => new()
    {
        { Route.Escalate, Intents.Human, false, 0, FlowStep.OpenTicket, EscalationReason.AskedForPerson },
        { Route.Escalate, Intents.Complaint, false, 0, FlowStep.OpenTicket, EscalationReason.Complaint },
        { Route.Escalate, Intents.Account, false, 0, FlowStep.OpenTicket, EscalationReason.AccountRequest },
        { Route.Escalate, Intents.Urgent, false, 0, FlowStep.OpenTicket, EscalationReason.UrgentSafety },
        { Route.Faq, Intents.Faq, false, 3, FlowStep.Reply, null },
        { Route.Clarify, Intents.Faq, false, 2, FlowStep.Reply, null },           // asking is never escalating
        { Route.Fallback, Intents.Faq, false, 0, FlowStep.Reply, null },          // first miss: say so, offer a person
        { Route.Fallback, Intents.Faq, false, 1, FlowStep.OpenTicket, EscalationReason.NoAnswer }, // after asking or missing
        { Route.Fallback, Intents.OutOfScope, true, 3, FlowStep.Reply, null },    // off-topic chatter never becomes a ticket
        { Route.SmallTalk, Intents.Greeting, false, 0, FlowStep.Reply, null },
    };

    [Theory]
    [MemberData(nameof(NoTicket))]
    public void Without_an_open_ticket(Route route, string intent, bool offTopic, int misses, FlowStep step, EscalationReason? reason)
    {
        var outcome = Next(new ConversationRecord { Misses = misses }, false, "text", Decision(route, intent, offTopic));

        Assert.Equal((step, reason), (outcome.Step, outcome.Reason));
    }

    [Fact]
    public void The_talk_to_a_person_button_always_escalates()
    {
        var outcome = Next(new ConversationRecord(), false, "Talk to a person", Decision(Route.Clarify, Intents.Faq));

        Assert.Equal((FlowStep.OpenTicket, EscalationReason.AskedForPerson), (outcome.Step, outcome.Reason));
    }

    public static TheoryData<Route, string, FlowStep, bool> WithTicket => new()
    {
        { Route.Faq, Intents.Faq, FlowStep.ReplyAndAddToTicket, false },         // FAQ questions still get answers
        { Route.SmallTalk, Intents.Thanks, FlowStep.ReplyAndAddToTicket, false },
        { Route.Escalate, Intents.Human, FlowStep.AddToTicket, false },           // no second ticket
        { Route.Escalate, Intents.Complaint, FlowStep.AddToTicket, false },
        { Route.Fallback, Intents.Faq, FlowStep.AddToTicket, false },
        { Route.Clarify, Intents.Faq, FlowStep.AddToTicket, false },
        { Route.Escalate, Intents.Urgent, FlowStep.AddToTicket, true },           // danger raises the open ticket
    };

    [Theory]
    [MemberData(nameof(WithTicket))]
    public void With_an_open_ticket_messages_join_it(Route route, string intent, FlowStep step, bool raise)
    {
        var outcome = Next(new ConversationRecord { OpenTicketId = 1 }, true, "text", Decision(route, intent));

        Assert.Equal((step, raise), (outcome.Step, outcome.RaiseToUrgent));
    }

    [Theory]
    [InlineData("anna@example.com", 0, FlowStep.EmailGiven)]
    [InlineData("skip", 0, FlowStep.EmailDeclined)]
    [InlineData("anna@", 0, FlowStep.EmailRetry)]
    [InlineData("anna@", 1, FlowStep.EmailGivenUp)]
    [InlineData("how much is delivery", 0, FlowStep.ReplyAndAddToTicket)]
    public void Answers_to_the_email_question(string text, int attempts, FlowStep step)
    {
        var c = new ConversationRecord { OpenTicketId = 1, AwaitingEmail = true, EmailAttempts = attempts };
        bool understood = false;

        var outcome = ConversationFlow.Next(c, TicketState.Waiting, text, _ => { understood = true; return Decision(Route.Faq, Intents.Faq); });

        Assert.Equal(step, outcome.Step);
        Assert.Equal(step == FlowStep.ReplyAndAddToTicket, understood);
        if (step == FlowStep.EmailGiven) Assert.Equal("anna@example.com", outcome.Email);
    }

    [Theory]
    [InlineData(Route.Faq, Intents.Faq, FlowStep.ForwardToStaff)]
    [InlineData(Route.Escalate, Intents.Human, FlowStep.ForwardToStaff)]
    [InlineData(Route.SmallTalk, Intents.Thanks, FlowStep.ForwardToStaff)]
    [InlineData(Route.Escalate, Intents.Urgent, FlowStep.AddToTicket)]      // danger still gets the safety instruction
    public void While_staff_handle_the_ticket_the_bot_stays_quiet(Route route, string intent, FlowStep step)
    {
        var outcome = ConversationFlow.Next(new ConversationRecord { OpenTicketId = 1 }, TicketState.WithStaff, "text", _ => Decision(route, intent));

        Assert.Equal(step, outcome.Step);
    }

    [Theory]
    [InlineData("5", 5)]
    [InlineData("1", 1)]
    [InlineData("4 - good", 4)]
    [InlineData("6", null)]
    [InlineData("10", null)]
    [InlineData("how much is delivery", null)]
    public void A_rating_is_read_after_the_hand_back(string text, int? rating)
    {
        var outcome = ConversationFlow.Next(new ConversationRecord { AwaitingRatingFor = 7 }, TicketState.None, text, _ => Decision(Route.Faq, Intents.Faq));

        Assert.Equal(rating is null ? FlowStep.Reply : FlowStep.Rated, outcome.Step);
        Assert.Equal(rating, outcome.Rating);
    }
}
