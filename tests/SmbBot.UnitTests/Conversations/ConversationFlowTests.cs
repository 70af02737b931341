using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Conversations;

public class ConversationFlowTests
{
    private static readonly DateTime T0 = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static TurnDecision Decision(Route route, string intent, bool offTopic = false) =>
        route == Route.Faq
            ? new(route, new IntentPrediction(intent, 0.9f), new FaqCandidate("hours", "Opening hours?", 0.9), [], [], "test", offTopic)
            : new(route, new IntentPrediction(intent, 0.9f), null, [], [], "test", offTopic);

    private static CustomerMessage Says(string text, int minute = 0) =>
        new(text, text, T0.AddMinutes(minute), "directline", "u1", "{}");

    /// <summary>A conversation driven only through the flow, with the ticket the flow opens numbered 7.</summary>
    private sealed class Chat
    {
        public ConversationRecord Record = new() { Id = "c1" };
        public TicketState Ticket = TicketState.None;
        public bool CustomerReachable;
        public readonly List<FlowResult> Turns = [];

        public FlowResult Say(string text, TurnDecision decision) => Say(text, _ => decision);

        public FlowResult Say(string text, Func<string, TurnDecision> understand)
        {
            var turn = ConversationFlow.Step(Record, Ticket, Says(text, Turns.Count), understand);
            if (turn.Outcome.Step == FlowStep.OpenTicket)
            {
                turn = ConversationFlow.TicketOpened(turn, 7, CustomerReachable);
                Ticket = TicketState.Waiting;
            }
            (Record, _) = ConversationFlow.BotSaid(turn.Record, ["reply"], T0, turn.TicketId);
            Turns.Add(turn);
            return turn;
        }

        public void Resolve()
        {
            Record = ConversationFlow.TicketResolved(Record, 7);
            Ticket = TicketState.None;
        }
    }

    public static TheoryData<Route, string, bool, FlowStep, EscalationReason?> FirstMessage => new()
    {
        { Route.Escalate, Intents.Human, false, FlowStep.OpenTicket, EscalationReason.AskedForPerson },
        { Route.Escalate, Intents.Complaint, false, FlowStep.OpenTicket, EscalationReason.Complaint },
        { Route.Escalate, Intents.Account, false, FlowStep.OpenTicket, EscalationReason.AccountRequest },
        { Route.Escalate, Intents.Urgent, false, FlowStep.OpenTicket, EscalationReason.UrgentSafety },
        { Route.Faq, Intents.Faq, false, FlowStep.Reply, null },
        { Route.Clarify, Intents.Faq, false, FlowStep.Reply, null },             // asking is never escalating
        { Route.Fallback, Intents.Faq, false, FlowStep.Reply, null },            // first miss: say so, offer a person
        { Route.Fallback, Intents.OutOfScope, true, FlowStep.Reply, null },
        { Route.SmallTalk, Intents.Greeting, false, FlowStep.Reply, null },
    };

    [Theory]
    [MemberData(nameof(FirstMessage))]
    public void The_first_message_of_a_conversation(Route route, string intent, bool offTopic, FlowStep step, EscalationReason? reason)
    {
        var outcome = new Chat().Say("text", Decision(route, intent, offTopic)).Outcome;

        Assert.Equal((step, reason), (outcome.Step, outcome.Reason));
    }

    public static TheoryData<Route, Route, FlowStep> SecondMessage => new()
    {
        { Route.Fallback, Route.Fallback, FlowStep.OpenTicket },   // a second miss reaches a person
        { Route.Clarify, Route.Fallback, FlowStep.OpenTicket },    // a did-you-mean not taken, then no answer
        { Route.Clarify, Route.Clarify, FlowStep.Reply },          // asking again is still asking
        { Route.Faq, Route.Fallback, FlowStep.Reply },             // an answer in between starts the count again
        { Route.SmallTalk, Route.Fallback, FlowStep.Reply },
    };

    [Theory]
    [MemberData(nameof(SecondMessage))]
    public void A_second_miss_in_a_row_opens_a_ticket(Route first, Route second, FlowStep step)
    {
        var chat = new Chat();
        chat.Say("first", Decision(first, Intents.Faq));

        var turn = chat.Say("second", Decision(second, Intents.Faq));

        Assert.Equal(step, turn.Outcome.Step);
        if (step == FlowStep.OpenTicket) Assert.Equal(EscalationReason.NoAnswer, turn.Outcome.Reason);
    }

    [Fact]
    public void Off_topic_chatter_never_becomes_a_ticket()
    {
        var chat = new Chat();
        for (int i = 0; i < 4; i++) chat.Say("chatter", Decision(Route.Fallback, Intents.OutOfScope, offTopic: true));

        Assert.All(chat.Turns, t => Assert.Equal(FlowStep.Reply, t.Outcome.Step));
    }

    [Fact]
    public void The_talk_to_a_person_button_always_escalates()
    {
        var outcome = new Chat().Say("Talk to a person", Decision(Route.Clarify, Intents.Faq)).Outcome;

        Assert.Equal((FlowStep.OpenTicket, EscalationReason.AskedForPerson), (outcome.Step, outcome.Reason));
    }

    public static TheoryData<Route, string, FlowStep, bool> FollowUp => new()
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
    [MemberData(nameof(FollowUp))]
    public void A_follow_up_joins_the_open_ticket(Route route, string intent, FlowStep step, bool raise)
    {
        var chat = new Chat { CustomerReachable = true };
        chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));

        var turn = chat.Say("follow-up", Decision(route, intent));

        Assert.Equal((step, raise), (turn.Outcome.Step, turn.Outcome.RaiseToUrgent));
        Assert.Equal(7, turn.TicketId);
        var added = Assert.IsType<AddToTicket>(turn.Commands[0]);
        Assert.Equal((7, "follow-up"), (added.TicketId, added.Entry.Text));
        Assert.Equal(raise, turn.Commands.OfType<RaiseTicketToUrgent>().Any());
        Assert.DoesNotContain(turn.Commands, c => c is OpenTicket);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_new_ticket_asks_for_an_email_address_only_when_the_customer_cannot_be_reached(bool reachable, bool asks)
    {
        var chat = new Chat { CustomerReachable = reachable };

        var turn = chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));

        Assert.Equal(asks, turn.Record.AwaitingEmail);
        Assert.Equal((7, 0), (turn.Record.OpenTicketId!.Value, turn.Record.Misses));
    }

    public static TheoryData<string[], FlowStep[], string?> EmailAnswers => new()
    {
        { ["anna@example.com"], [FlowStep.EmailGiven], "anna@example.com" },
        { ["skip"], [FlowStep.EmailDeclined], null },
        { ["anna@", "anna@example.com"], [FlowStep.EmailRetry, FlowStep.EmailGiven], "anna@example.com" },
        { ["anna@", "anna@"], [FlowStep.EmailRetry, FlowStep.EmailGivenUp], null },
        { ["anna@", "anna@", "anna@example.com"], [FlowStep.EmailRetry, FlowStep.EmailGivenUp, FlowStep.EmailGiven], "anna@example.com" }, // stops asking after two tries, still takes a good one
        { ["how much is delivery", "anna@example.com"], [FlowStep.ReplyAndAddToTicket, FlowStep.EmailGiven], "anna@example.com" }, // moved on, then gave it
    };

    [Theory]
    [MemberData(nameof(EmailAnswers))]
    public void Answers_to_the_email_question(string[] texts, FlowStep[] steps, string? email)
    {
        var chat = new Chat();
        chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));
        int understood = 0;

        foreach (var text in texts) chat.Say(text, _ => { understood++; return Decision(Route.Faq, Intents.Faq); });

        Assert.Equal(steps, chat.Turns.Skip(1).Select(t => t.Outcome.Step));
        Assert.Equal(steps.Count(s => s == FlowStep.ReplyAndAddToTicket), understood);
        Assert.Equal(email, chat.Record.Email);
        Assert.False(chat.Record.AwaitingEmail && steps[^1] != FlowStep.EmailRetry);
        if (email is not null) Assert.Contains(chat.Turns[^1].Commands, c => c is SetTicketEmail { TicketId: 7 } s && s.Email == email);
    }

    [Theory]
    [InlineData("my email is anna@example.com", "anna@example.com")]
    [InlineData("anna@example.com", "anna@example.com")]
    [InlineData("you can reach me at anna@example.com, thanks", "anna@example.com")]
    [InlineData("I emailed sales@example.com yesterday and nobody answered", null)]
    [InlineData("the boiler is leaking gas, email me at anna@example.com", null)]
    public void An_address_given_later_unasked_still_reaches_the_ticket(string text, string? email)
    {
        var chat = new Chat();
        chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));
        chat.Say("can I just speak to someone", Decision(Route.Escalate, Intents.Human)); // the customer moved on

        var turn = chat.Say(text, Decision(Route.Fallback, Intents.Faq));

        Assert.Equal(email is null ? FlowStep.AddToTicket : FlowStep.EmailGiven, turn.Outcome.Step);
        Assert.Equal(email, chat.Record.Email);
        Assert.Equal(email is not null, turn.Commands.Any(c => c is SetTicketEmail { TicketId: 7 }));
    }

    [Theory]
    // ticket state, expected step, added to the open ticket (7)
    [InlineData(TicketState.None, FlowStep.TicketStatus, false)]
    [InlineData(TicketState.Waiting, FlowStep.TicketStatus, true)]
    [InlineData(TicketState.WithStaff, FlowStep.ForwardToStaff, true)]   // the person who has it answers
    public void A_status_question_is_answered_from_the_ticket_without_the_classifier(TicketState state, FlowStep step, bool added)
    {
        var chat = new Chat { CustomerReachable = true };
        if (state != TicketState.None) chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));
        chat.Ticket = state;
        var understood = false;

        var turn = chat.Say("any news on T-1007?", _ => { understood = true; return Decision(Route.Fallback, Intents.Faq); });

        Assert.Equal(step, turn.Outcome.Step);
        Assert.Equal(step == FlowStep.ForwardToStaff, understood);
        Assert.Equal(added, turn.Commands.OfType<AddToTicket>().Any(c => c.TicketId == 7));
        if (step == FlowStep.TicketStatus) Assert.Equal("T-1007", turn.Outcome.StatusQuestion!.Number);
    }

    [Theory]
    [InlineData(Route.Faq, Intents.Faq, FlowStep.ForwardToStaff)]
    [InlineData(Route.Escalate, Intents.Human, FlowStep.ForwardToStaff)]
    [InlineData(Route.SmallTalk, Intents.Thanks, FlowStep.ForwardToStaff)]
    [InlineData(Route.Escalate, Intents.Urgent, FlowStep.AddToTicket)]      // danger still gets the safety instruction
    public void While_staff_handle_the_ticket_the_bot_stays_quiet(Route route, string intent, FlowStep step)
    {
        var chat = new Chat { CustomerReachable = true };
        chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));
        chat.Ticket = TicketState.WithStaff;

        var turn = chat.Say("text", Decision(route, intent));

        Assert.Equal(step, turn.Outcome.Step);
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
        var chat = new Chat();
        chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));
        chat.Resolve();

        Assert.Equal((null, 7, false), (chat.Record.OpenTicketId, chat.Record.AwaitingRatingFor, chat.Record.AwaitingEmail));
        var turn = chat.Say(text, Decision(Route.Faq, Intents.Faq));

        Assert.Equal(rating is null ? FlowStep.Reply : FlowStep.Rated, turn.Outcome.Step);
        Assert.Equal(rating, turn.Outcome.Rating);
        if (rating is { } r) Assert.Equal([new RateTicket(7, r)], turn.Commands);
        Assert.Null(turn.Record.AwaitingRatingFor); // asked once only
    }

    [Fact]
    public void A_ticket_closed_elsewhere_is_forgotten_and_a_new_one_opens()
    {
        var chat = new Chat { CustomerReachable = true };
        chat.Say("I want a person", Decision(Route.Escalate, Intents.Human));
        chat.Ticket = TicketState.None; // closed in the console without a hand-back

        var turn = chat.Say("I have a complaint", Decision(Route.Escalate, Intents.Complaint));

        Assert.Equal(FlowStep.OpenTicket, turn.Outcome.Step);
    }

    [Fact]
    public void A_step_never_changes_the_record_it_was_given()
    {
        var before = new ConversationRecord { Id = "c1", Misses = 1 };

        var turn = ConversationFlow.Step(before, TicketState.None, Says("where are you"), _ => Decision(Route.Fallback, Intents.Faq));

        Assert.Equal((1, 0), (before.Misses, before.Transcript.Count));
        Assert.Equal([new OpenTicket(EscalationReason.NoAnswer, turn.Outcome.Decision!)], turn.Commands);
        Assert.Equal("where are you", Assert.Single(turn.Record.Transcript).Text);
    }

    [Fact]
    public void What_the_bot_tried_is_kept_for_the_ticket_up_to_ten_entries()
    {
        var chat = new Chat();
        for (int i = 0; i < 12; i++) chat.Say("hours?", Decision(Route.Faq, Intents.Faq));

        Assert.Equal(ConversationFlow.MaxOffered, chat.Record.Offered.Count);
        Assert.All(chat.Record.Offered, o => Assert.Equal(("hours", "answered"), (o.FaqId, o.How)));
    }
}
