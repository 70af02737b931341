using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace SmbBot.IntegrationTests;

/// <summary>
/// Held-out customer messages for the sample shop (Conversations/sample-shop.csv: none of them is a question or
/// alternate in the FAQ) through the real host, classifier and embeddings.
/// </summary>
public class RoutingTableTests(SampleBotHost host, ITestOutputHelper log) : IClassFixture<SampleBotHost>
{
    public static TheoryData<string, string, string> NonFaqRows => Rows(r => r.Route != "faq");

    [Theory]
    [MemberData(nameof(NonFaqRows))]
    public async Task Routes_small_talk_people_requests_and_off_topic_messages(string text, string route, string intent)
    {
        var decision = await DecideAsync(text);

        Assert.Equal(route, (string?)decision["route"]);
        Assert.Equal(intent, (string?)decision["intent"]);
    }

    [Fact]
    public async Task Never_answers_a_paraphrase_with_the_wrong_entry_and_mostly_answers_or_offers_the_right_one()
    {
        var faqRows = Rows(r => r.Route == "faq").Select(r => ((string)r[0], (string)r[2])).ToArray();
        int answered = 0, offered = 0;
        var wrong = new List<string>();
        foreach (var (text, expected) in faqRows)
        {
            var decision = await DecideAsync(text);
            var route = (string?)decision["route"];
            if (route == "faq" && (string?)decision["faqId"] != expected) wrong.Add($"{text} -> {decision["faqId"]}");
            else if (route == "faq") answered++;
            else if (route == "clarify" && decision["suggestions"]!.AsArray().Any(s => (string?)s!["faqId"] == expected)) offered++;
            else log.WriteLine($"neither answered nor offered: \"{text}\" ({expected}) -> {route}, intent {decision["intent"]}");
        }

        log.WriteLine($"{faqRows.Length} paraphrases: {answered} answered, {offered} offered in a did-you-mean, {wrong.Count} answered wrongly");
        Assert.Empty(wrong);
        // 31 of 43 before the built-in hand-over intents (29 with them): "my promo code isn't working" and "can you post
        // camping gas to me" now go to a person as account requests, the safe side; none is answered wrongly. "my new
        // stove arrived broken" and "one of the items wasn't in the box" report something that went wrong: complaints
        // for a person even though FAQ entries share their words (rows of the route table since 2026-12-02).
        Assert.True(answered >= faqRows.Length * 0.65, $"answered {answered} of {faqRows.Length}");
        Assert.True(answered + offered >= faqRows.Length * 0.9, $"answered {answered} and offered {offered} of {faqRows.Length}");
    }

    private async Task<JsonObject> DecideAsync(string text)
    {
        var replies = await Activities.AskAsync(host.CreateClient(), text);
        return Activities.Decision(replies[^1]!.AsObject()) ?? throw new InvalidOperationException("no decision entity");
    }

    private static TheoryData<string, string, string> Rows(Func<(string Text, string Route, string Expected), bool> where)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Conversations", "sample-shop.csv")).Skip(1))
        {
            var f = line.Split(',');
            if (f.Length == 3 && where((f[0], f[1], f[2]))) data.Add(f[0], f[1], f[2]);
        }
        return data;
    }
}
