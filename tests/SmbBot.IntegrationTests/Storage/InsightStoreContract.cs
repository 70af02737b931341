using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;
using SmbBot.Core.Privacy;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every insight store does: one suite, run against LiteDB (<see cref="LiteDbInsightStoreTests"/>) and PostgreSQL
/// (<see cref="PostgreSqlInsightStoreTests"/>). Each test gets an empty store.
/// </summary>
public abstract class InsightStoreContract
{
    /// <summary>A Wednesday.</summary>
    protected static readonly DateOnly Day = new(2026, 11, 25);
    protected static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    protected const string Answered = "outcome:Confirmed";

    /// <summary>The store under test; empty.</summary>
    protected abstract IInsightStore Store { get; }

    protected static ConversationInsight Started(string id, DateOnly day, string user = "u1") => new()
    {
        Id = id, UserId = user, ChannelId = "webchat", Day = day.ToDateTime(TimeOnly.MinValue), StartedAt = Now, LastAt = Now,
    };

    /// <summary>Adds one answered message to the row (starting it on <paramref name="day"/>); the row counts itself and its answers.</summary>
    protected ConversationInsight Answer(string id, DateOnly day, string user = "u1", DateTime? at = null) => Store.Update(id, row =>
    {
        row ??= Started(id, day, user);
        row.Facts.Add(new TurnFact { At = at ?? Now, Kind = TurnKind.Answered, FaqId = "returns" });
        row.LastAnswerAt = at ?? Now;
        return row;
    }, Counts);

    protected static Dictionary<string, long> Counts(ConversationInsight row) => new()
    {
        [InsightKeys.Conversations] = 1, [InsightKeys.Messages] = row.Facts.Count, [Answered] = row.Facts.Count(f => f.Kind == TurnKind.Answered),
        ["faq:returns"] = row.Facts.Count(f => f.FaqId == "returns"),
    };

    private static long Sum(IEnumerable<InsightDay> days, string key) => days.Sum(d => d[key]);

    [Fact]
    public void A_new_row_moves_its_days_and_weeks_counters_and_a_change_moves_them_by_the_difference_only()
    {
        var row = Answer("c1", Day);
        Answer("c1", Day);
        Answer("c2", Day);

        var day = Assert.Single(Store.Days(Day, Day));
        Assert.Equal(Day.ToDateTime(TimeOnly.MinValue), day.Day);
        Assert.Equal((2, 3, 3, 3), (day[InsightKeys.Conversations], day[InsightKeys.Messages], day[Answered], day["faq:returns"]));
        Assert.Equal(("c1", "u1", 1), (row.Id, row.UserId, row.Facts.Count));
        var week = Store.RolledUp(InsightWeek.MondayOf(Day), InsightWeek.MondayOf(Day).AddDays(6));
        Assert.Equal((2, 3, 3), (Sum(week, InsightKeys.Conversations), Sum(week, InsightKeys.Messages), Sum(week, "faq:returns")));
        Assert.Equal(2, week.Single(d => d.Day == Day.ToDateTime(TimeOnly.MinValue))[InsightKeys.Conversations]);
    }

    [Fact]
    public void A_counter_moved_back_to_nothing_is_not_read()
    {
        Answer("c1", Day);

        Store.Update("c1", row => { row!.Facts.Clear(); return row; }, Counts);

        var day = Assert.Single(Store.Days(Day, Day));
        Assert.Equal((1, 0, 0), (day[InsightKeys.Conversations], day[InsightKeys.Messages], day[Answered]));
        Assert.DoesNotContain(Answered, day.Counters.Keys);
        Assert.DoesNotContain(Answered, Store.RolledUp(InsightWeek.MondayOf(Day), InsightWeek.MondayOf(Day).AddDays(6)).SelectMany(d => d.Counters.Keys));
    }

    [Fact]
    public void A_long_range_read_through_week_rows_adds_up_to_its_day_rows_day_by_day()
    {
        // Five weeks of rows, read from a Thursday to a Tuesday: partial weeks at both ends, whole weeks between.
        var first = Day.AddDays(-30);
        for (var d = 0; d <= 34; d++)
            for (var n = 0; n <= d % 3; n++) Answer($"c{d}-{n}", first.AddDays(d), user: $"u{n}");
        var (from, to) = (first.AddDays(1), first.AddDays(33));

        var days = Store.Days(from, to);
        var rolled = Store.RolledUp(from, to);

        Assert.Equal(days.Where(d => d.Day.DayOfWeek == DayOfWeek.Monday || d.Counters.Keys.Any(InsightKeys.PerDay.Contains)).Count(), rolled.Count);
        foreach (var key in new[] { InsightKeys.Conversations, InsightKeys.Messages, Answered, "faq:returns" })
            Assert.Equal(Sum(days, key), Sum(rolled, key));
        Assert.Equal(days.Select(d => (d.Day, d[Answered])), rolled.Select(d => (d.Day, d[Answered])));
        Assert.Equal(Sum(Store.Days(first, first.AddDays(34)), InsightKeys.Conversations), Enumerable.Range(0, 35).Sum(d => d % 3 + 1));
    }

    [Fact]
    public void Conversations_of_a_range_read_back_whole_and_by_their_day()
    {
        Answer("c1", Day);
        Answer("c2", Day.AddDays(1));
        Store.Update("c3", _ =>
        {
            var row = Started("c3", Day.AddDays(2));
            (row.TicketId, row.TicketReason, row.Rating, row.TicketCreatedAt) = (1004, EscalationReason.AskedForPerson, 5, Now);
            row.Facts.Add(new TurnFact { At = Now, Kind = TurnKind.Clarified, Offered = ["returns", "shipping"] });
            return row;
        }, Counts);

        Assert.Equal(["c1", "c2"], Store.Conversations(Day, Day.AddDays(1)).Select(r => r.Id).Order());
        var c3 = Assert.Single(Store.Conversations(Day.AddDays(2), Day.AddDays(9)));
        Assert.Equal((1004, EscalationReason.AskedForPerson, 5, Now), (c3.TicketId, c3.TicketReason, c3.Rating, c3.TicketCreatedAt!.Value.ToUniversalTime()));
        Assert.Equal(TurnKind.Clarified, c3.Facts[0].Kind);
        Assert.Equal(["returns", "shipping"], c3.Facts[0].Offered);
        Assert.Equal((Day.AddDays(2).ToDateTime(TimeOnly.MinValue), Now), (c3.Day, c3.StartedAt.ToUniversalTime()));
        Assert.Equal(1, c3.Counted[InsightKeys.Conversations]);
        Assert.Empty(Store.Conversations(Day.AddDays(3), Day.AddDays(9)));
    }

    [Fact]
    public void A_users_other_conversations_answered_lately_are_found()
    {
        Answer("old", Day, at: Now.AddDays(-8));
        Answer("recent", Day, at: Now.AddHours(-1));
        Answer("this-one", Day);
        Answer("someone-else", Day, user: "u2");

        Assert.Equal(["recent"], Store.RecentlyAnswered("u1", "this-one", Now.AddDays(-7)));
        Assert.Empty(Store.RecentlyAnswered("nobody", "this-one", Now.AddDays(-7)));
    }

    [Fact]
    public void A_persons_rows_are_found_and_anonymised_keeping_the_counts()
    {
        Answer("c1", Day, user: "dana");
        Answer("c2", Day, user: "dana");
        Answer("c3", Day, user: "bo");
        var (subject, _) = PersonalDataSubject.From("dana");
        subject!.ConversationIds.Add("c3");

        Assert.Equal(["c1", "c2", "c3"], Store.Of(subject).Select(r => r.Id).Order());
        Assert.Equal(2, Store.Anonymise(["c1", "c2", "c2", "never-kept"]));

        Assert.Equal(["c3"], Store.Of(subject).Select(r => r.Id));
        var rows = Store.Conversations(Day, Day).ToArray();
        Assert.Equal(3, rows.Length);
        Assert.Equal(2, rows.Count(r => r.Id.StartsWith("erased-", StringComparison.Ordinal) && r.UserId == ""));
        Assert.Equal(3, Assert.Single(Store.Days(Day, Day))[InsightKeys.Conversations]);
    }
}
