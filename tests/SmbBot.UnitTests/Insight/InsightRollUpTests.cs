using System.Text.Json;
using LiteDB;
using JsonSerializer = System.Text.Json.JsonSerializer;
using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Insight;

/// <summary>Ten weeks of hand-made history in an in-memory store, recorded once for the class.</summary>
public sealed class RecordedInsightHistory : IDisposable
{
    public static readonly DateTime T0 = new(2026, 9, 2, 8, 0, 0, DateTimeKind.Utc);   // a Wednesday
    private readonly LiteDatabase _db = new(":memory:");

    public RecordedInsightHistory() => Store = Record(_db, 400);

    public LiteDbInsightStore Store { get; }

    public void Dispose() => _db.Dispose();

    private static FlowOutcome Answer(string id) => new(FlowStep.Reply, new TurnDecision(Route.Faq, new("faq", 0.9f), new(id, id + "?", 0.9), [], [], "answer"));
    private static FlowOutcome Clarify(params string[] ids) => new(FlowStep.Reply, new TurnDecision(Route.Clarify, new("faq", 0.9f), null, [.. ids.Select(i => new FaqCandidate(i, i + "?", 0.5))], [], "unsure"));
    private static FlowOutcome Thanks => new(FlowStep.Reply, new TurnDecision(Route.SmallTalk, new(Intents.Thanks, 1f), null, [], [], "thanks"));
    private static FlowOutcome Fallback => new(FlowStep.Reply, new TurnDecision(Route.Fallback, new("faq", 0.3f), null, [], [], "no match"));
    private static FlowOutcome Person => new(FlowStep.OpenTicket, Fallback.Decision, EscalationReason.AskedForPerson);

    // Ten weeks of conversations by 40 returning customers: answers, thanks, did-you-means, fallbacks, hand-overs with
    // tickets answered in time or late and rated; returns on the same entry reopen earlier conversations.
    public static LiteDbInsightStore Record(LiteDatabase db, int conversations)
    {
        var store = new LiteDbInsightStore(db);
        // A zone east of UTC, so late turns count on the next local day (and some in the next week).
        var calendar = new BusinessCalendar(TimeZoneInfo.CreateCustomTimeZone("plus5", TimeSpan.FromHours(5), "plus5", "plus5"), new Dictionary<string, string>());
        var recorder = new InsightRecorder(store, new LiteDbUnansweredStore(db), calendar);
        var random = new Random(17);
        string[] faq = ["hours", "returns", "delivery", "parking", "gift-cards"];
        var ticket = 0;
        for (var n = 0; n < conversations; n++)
        {
            var at = T0.AddMinutes(random.Next(71 * 24 * 60));
            var id = $"c{n}";
            var user = $"u{random.Next(40)}";
            for (var turn = 0; turn < 1 + random.Next(4); turn++, at = at.AddMinutes(2))
            {
                var outcome = random.Next(10) switch
                {
                    < 5 => Answer(faq[random.Next(faq.Length)]),
                    5 => Clarify(faq[random.Next(faq.Length)], faq[random.Next(faq.Length)]),
                    6 => Fallback,
                    7 or 8 => Thanks,
                    _ => Person,
                };
                recorder.Turn(id, user, "directline", outcome, "text", at);
                if (outcome.Step != FlowStep.OpenTicket) continue;
                var t = new Ticket { Id = ++ticket, ConversationId = id, UserId = user, Reason = EscalationReason.AskedForPerson, CreatedAt = at, FirstResponseDue = at.AddHours(4) };
                recorder.TicketChanged(t);
                if (random.Next(4) == 0) continue;
                t.FirstResponseAt = at.AddMinutes(30 + random.Next(400));
                if (random.Next(2) == 0) t.Rating = 1 + random.Next(5);
                recorder.TicketChanged(t);
                break;
            }
        }
        return store;
    }
}

/// <summary>The dashboard's read through week rows gives exactly the figures and trend of a read of every day row.</summary>
public sealed class InsightRollUpTests(RecordedInsightHistory history) : IClassFixture<RecordedInsightHistory>
{
    private static readonly DateOnly Today = new(2026, 11, 12);   // a Thursday: the last 7 days are unsettled
    private readonly LiteDbInsightStore _store = history.Store;

    public static TheoryData<string, string> Ranges => new()
    {
        { "2026-08-17", "2026-11-12" },   // the whole history and more, partial last week
        { "2026-09-07", "2026-11-08" },   // whole weeks only
        { "2026-09-03", "2026-10-29" },   // partial weeks at both ends
        { "2026-10-13", "2026-10-17" },   // inside one week
        { "2026-10-18", "2026-10-26" },   // a Sunday, a whole week, a Monday
        { "2026-11-02", "2026-11-12" },   // a week that is partly within the last 7 days
        { "2025-11-13", "2026-11-12" },   // a year
    };

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Reads_the_same_figures_and_trend_from_week_rows_as_from_day_rows(string from, string to)
    {
        var range = new InsightRange(DateOnly.Parse(from), DateOnly.Parse(to));

        var (figures, daily) = Read(_store.RolledUp(range.From, range.To), range);
        var (expected, expectedDaily) = Read(_store.Days(range.From, range.To), range);

        Assert.Equal(expected, figures);
        Assert.Equal(expectedDaily, daily);
    }

    [Fact]
    public void A_store_from_before_week_rows_builds_them_from_its_day_rows()
    {
        using var db = new LiteDatabase(":memory:");
        var range = new InsightRange(new DateOnly(2026, 8, 31), Today);
        var expected = Read(RecordedInsightHistory.Record(db, 60).Days(range.From, range.To), range);
        db.DropCollection("insight_weeks");

        var reopened = new LiteDbInsightStore(db);

        Assert.True(db.GetCollection("insight_weeks").Count() >= 5);
        Assert.Equal(expected, Read(reopened.RolledUp(range.From, range.To), range));
    }

    [Fact]
    public void The_history_fills_the_figures_the_comparison_relies_on()
    {
        var range = new InsightRange(new DateOnly(2026, 8, 31), Today);
        var figures = InsightFigures.Read(_store.Days(range.From, range.To), range.From, range.To, Today);
        foreach (var key in new[] { "confirmed", "assumed", "awaiting", "reopened", "handedOver", "unanswered", "csatHuman", "slaMet", "awaitingReply" })
            Assert.True(figures[key].Value > 0, $"{key} is 0 in the hand-made history");
    }

    // The figures (with the top entries) and the daily trend as JSON, so records with lists compare by value.
    private static (string Figures, string Daily) Read(IReadOnlyList<InsightDay> days, InsightRange range)
    {
        var figures = InsightFigures.Read(days, range.From, range.To, Today);
        return (JsonSerializer.Serialize(new { figures, figures.TopFaq }, Json), JsonSerializer.Serialize(InsightTrend.Daily(days, range, Today), Json));
    }

    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };
}
