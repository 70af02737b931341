using SmbBot.Core.Insight;

namespace SmbBot.UnitTests.Insight;

public class InsightFiguresTests
{
    private static InsightDay Day(DateOnly date, params (string Key, long Value)[] counters) =>
        new() { Day = date.ToDateTime(TimeOnly.MinValue), Counters = counters.ToDictionary(c => c.Key, c => c.Value) };

    [Fact]
    public void Counts_unconfirmed_answers_as_resolved_only_after_7_days()
    {
        var today = new DateOnly(2026, 11, 20);
        var unconfirmed = InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed);
        InsightDay[] days =
        [
            Day(today.AddDays(-10), (InsightKeys.Conversations, 4), (unconfirmed, 2), (InsightKeys.Outcome(BotOutcome.Confirmed), 1), (InsightKeys.Outcome(BotOutcome.Reopened), 1)),
            Day(today.AddDays(-2), (InsightKeys.Conversations, 3), (unconfirmed, 3)),
        ];

        var figures = InsightFigures.Read(days, today.AddDays(-30), today, today);

        Assert.Equal(2, figures["assumed"].Value);
        Assert.Equal(3, figures["awaiting"].Value);
        Assert.Equal(1, figures["confirmed"].Value);
        Assert.Equal(3.0 / 4, figures["botResolved"].Value);   // (1 confirmed + 2 assumed) of the 4 old enough to judge
        Assert.All(figures.Headline, f => Assert.False(string.IsNullOrWhiteSpace(f.Definition)));
    }

    [Fact]
    public void Shows_no_share_when_there_is_nothing_to_count()
    {
        var figures = InsightFigures.Read([], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 7), new DateOnly(2026, 11, 7));

        Assert.Null(figures["botResolved"].Value);
        Assert.Null(figures["csatHuman"].Value);
        Assert.Equal(0, figures["conversations"].Value);
    }

    [Fact]
    public void Adds_up_reasons_hours_and_top_entries()
    {
        var d = new DateOnly(2026, 11, 2);
        InsightDay[] days =
        [
            Day(d, (InsightKeys.HandedOverFor(SmbBot.Core.Conversations.EscalationReason.Complaint), 2), (InsightKeys.Hour(14), 5), (InsightKeys.Faq("a"), 1), (InsightKeys.Faq("b"), 4)),
            Day(d.AddDays(1), (InsightKeys.HandedOverFor(SmbBot.Core.Conversations.EscalationReason.Complaint), 1), (InsightKeys.Hour(14), 1), (InsightKeys.Faq("a"), 5),
                (InsightKeys.Responded, 2), (InsightKeys.ResponseMinutes, 30), (InsightKeys.SlaMet, 1)),
        ];

        var figures = InsightFigures.Read(days, d, d.AddDays(1), d.AddDays(1));

        Assert.Equal(3, figures.HandOverReasons["Complaint"]);
        Assert.Equal(6, figures.Hours[14]);
        Assert.Equal([("a", 6L), ("b", 4L)], figures.TopFaq);
        Assert.Equal(15, figures["firstResponse"].Value);
        Assert.Equal(0.5, figures["slaMet"].Value);
    }
}
