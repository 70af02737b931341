using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;
using SmbBot.Core.Privacy;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Insight;

public sealed class InsightRecorderTests : IDisposable
{
    private readonly LiteDatabase _db = new(":memory:");
    private readonly LiteDbInsightStore _store;
    private readonly LiteDbUnansweredStore _unanswered;
    private readonly InsightRecorder _recorder;
    private static readonly DateTime T0 = History.Start;
    private static readonly DateOnly Day0 = DateOnly.FromDateTime(T0);

    public InsightRecorderTests()
    {
        _store = new LiteDbInsightStore(_db);
        _unanswered = new LiteDbUnansweredStore(_db);
        _recorder = new InsightRecorder(_store, _unanswered, new BusinessCalendar(TimeZoneInfo.Utc, new Dictionary<string, string>()));
    }

    public void Dispose() => _db.Dispose();

    private static FlowOutcome Answer(string id) => new(FlowStep.Reply, new TurnDecision(Route.Faq, new("faq", 0.9f), new(id, id + "?", 0.9), [], [], "answer"));
    private static FlowOutcome Clarify(params string[] ids) => new(FlowStep.Reply, new TurnDecision(Route.Clarify, new("faq", 0.9f), null, [.. ids.Select(i => new FaqCandidate(i, i + "?", 0.5))], [], "unsure"));
    private static FlowOutcome Thanks => new(FlowStep.Reply, new TurnDecision(Route.SmallTalk, new(Intents.Thanks, 1f), null, [], [], "thanks"));
    private static FlowOutcome Fallback => new(FlowStep.Reply, new TurnDecision(Route.Fallback, new("faq", 0.3f), null, [], [], "no match"));

    private long Counter(string key) => _store.Days(Day0, Day0.AddDays(30)).Sum(d => d[key]);

    [Fact]
    public void A_ticket_without_a_user_id_changes_twice_without_failing()
    {
        // An Emulator activity without "from.id" opens a ticket whose UserId is null; each later change is counted too.
        var ticket = new Ticket { Id = 7, ConversationId = "c-no-user", UserId = null!, CreatedAt = T0, Reason = EscalationReason.AskedForPerson };

        _recorder.TicketChanged(ticket);
        _recorder.TicketChanged(ticket);

        Assert.Equal("", _store.Get("c-no-user")!.UserId);
        Assert.Equal(7, _store.Get("c-no-user")!.TicketId);
    }

    [Fact]
    public void Moves_the_day_counters_when_a_conversation_changes_outcome()
    {
        _recorder.Turn("c1", "user-1", "directline", Answer("hours"), "when are you open", T0);
        Assert.Equal(1, Counter(InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed)));

        _recorder.Turn("c1", "user-1", "directline", Thanks, "thanks!", T0.AddMinutes(1));

        Assert.Equal(0, Counter(InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed)));
        Assert.Equal(1, Counter(InsightKeys.Outcome(BotOutcome.Confirmed)));
        Assert.Equal(1, Counter(InsightKeys.Conversations));
        Assert.Equal(2, Counter(InsightKeys.Messages));
    }

    [Fact]
    public void Reopens_an_answered_conversation_when_the_customer_comes_back_on_the_same_entry()
    {
        _recorder.Turn("c1", "user-1", "directline", Answer("returns"), "how do returns work", T0);
        _recorder.Turn("c2", "user-1", "directline", Answer("delivery"), "delivery cost", T0.AddDays(1));
        Assert.Equal(2, Counter(InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed)));

        _recorder.Turn("c3", "user-1", "directline", Answer("returns"), "returns again", T0.AddDays(2));

        Assert.Equal(1, Counter(InsightKeys.Outcome(BotOutcome.Reopened)));
        Assert.NotNull(_store.Get("c1")!.ReturnedAt);
        Assert.Null(_store.Get("c2")!.ReturnedAt);
    }

    [Fact]
    public void Does_not_reopen_after_7_days()
    {
        _recorder.Turn("c1", "user-1", "directline", Answer("returns"), "returns", T0);
        _recorder.Turn("c2", "user-1", "directline", Answer("returns"), "returns", T0.AddDays(8));

        Assert.Equal(0, Counter(InsightKeys.Outcome(BotOutcome.Reopened)));
    }

    [Fact]
    public void Keeps_unanswered_messages_masked_and_forgets_a_taken_suggestion()
    {
        _recorder.Turn("c1", "user-1", "directline", Fallback, "can you call me on 07700 900123", T0);
        _recorder.Turn("c1", "user-1", "directline", Clarify("a", "b"), "wrapping", T0.AddMinutes(1));
        _recorder.Turn("c1", "user-1", "directline", Answer("a"), "A?", T0.AddMinutes(2));

        var kept = Assert.Single(_unanswered.Since(T0.AddDays(-1)));
        Assert.Equal("can you call me on [phone]", kept.Text);
        Assert.Equal(1, Counter(InsightKeys.Unanswered));
    }

    [Fact]
    public void Adds_a_ticket_s_reason_first_reply_and_rating_to_its_conversation()
    {
        _recorder.Turn("c1", "user-1", "directline", new FlowOutcome(FlowStep.OpenTicket, Fallback.Decision, EscalationReason.Complaint), "this is bad", T0);
        var ticket = new Ticket { Id = 1, ConversationId = "c1", Reason = EscalationReason.Complaint, CreatedAt = T0, FirstResponseDue = T0.AddHours(4) };
        _recorder.TicketChanged(ticket);
        ticket.FirstResponseAt = T0.AddMinutes(30);
        ticket.Rating = 5;
        _recorder.TicketChanged(ticket);

        Assert.Equal(1, Counter(InsightKeys.HandedOverFor(EscalationReason.Complaint)));
        Assert.Equal(1, Counter(InsightKeys.HandedOver));
        Assert.Equal(30, Counter(InsightKeys.ResponseMinutes));
        Assert.Equal(1, Counter(InsightKeys.SlaMet));
        Assert.Equal(1, Counter(InsightKeys.RatingsSatisfied("human")));
        Assert.Equal(1, Counter(InsightKeys.Outcome(BotOutcome.HandedOver)));
    }

    [Fact]
    public void Erasure_deletes_the_customer_s_words_and_keeps_the_counts()
    {
        _recorder.Turn("c1", "user-1", "directline", Fallback, "my email is a@b.example and I need help", T0);
        _recorder.Turn("c2", "user-2", "directline", Fallback, "someone else's question", T0);
        var holder = new InsightPersonalData(_unanswered, _store);
        var subject = PersonalDataSubject.From("user-1").Subject!;
        subject.UserIds.Add("user-1");

        Assert.Equal(2, holder.Export(subject).Count);
        Assert.Equal(2, holder.Erase(subject));

        Assert.Equal(0, holder.Export(subject).Count);
        Assert.Equal("someone else's question", Assert.Single(_unanswered.Since(T0.AddDays(-1))).Text);
        Assert.Null(_store.Get("c1"));
        Assert.Equal(2, Counter(InsightKeys.Conversations));
    }
}
