using SmbBot.Core.Insight;

namespace SmbBot.UnitTests.Insight;

public class WeeklySummaryTests
{
    private static InsightFigures Week(DateOnly from, long conversations, long confirmed, long handedOver) =>
        InsightFigures.Read([new InsightDay
        {
            Day = from.ToDateTime(TimeOnly.MinValue),
            Counters = new()
            {
                [InsightKeys.Conversations] = conversations, [InsightKeys.Outcome(BotOutcome.Confirmed)] = confirmed,
                [InsightKeys.Outcome(BotOutcome.AnsweredUnconfirmed)] = conversations - confirmed - handedOver, [InsightKeys.HandedOver] = handedOver,
            },
        }], from, from.AddDays(6), from.AddDays(20));

    [Fact]
    public void Leads_with_the_figures_and_their_change_and_names_the_biggest_unanswered_questions()
    {
        var monday = new DateOnly(2026, 11, 23);
        var (subject, body) = WeeklySummary.Compose("Harbour Outdoor", Week(monday, 120, 30, 20), Week(monday.AddDays(-7), 100, 20, 25),
            [("do you sell [card number] gift cards", 7), ("parking for bikes?", 4), ("are dogs allowed", 2), ("fourth", 1)], "https://support.example.com");

        Assert.Equal("Harbour Outdoor: the bot's week 23 Nov - 29 Nov", subject);
        Assert.Contains("Conversations: 120 (+20)", body);
        Assert.Contains("Handed over: 20 (-5)", body);
        Assert.Contains("Resolved by the bot: 83% (+8 points)", body);   // (30 + 70) / 120 against (20 + 55) / 100
        Assert.Contains("7 x \"do you sell [card number] gift cards\"", body);
        Assert.DoesNotContain("fourth", body);
        Assert.Contains("https://support.example.com/console/insight", body);
    }
}
