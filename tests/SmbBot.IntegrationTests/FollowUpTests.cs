using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// Two-turn conversations on the sample shop's FAQ through the real host: a short second message that does not stand
/// on its own is read with the first turn's topic, answered only when the two together are a clear match.
/// </summary>
public class FollowUpTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    private async Task<JsonObject> Say(string conversation, string text) =>
        (await Activities.AskAsync(host.CreateClient(), text, conversation))[^1]!.AsObject();

    /// <summary>
    /// First message, follow-up, and what should happen: <c>faq:id</c> answered with that entry read with the previous
    /// topic, <c>answer:id</c> answered with it (on its own or not), <c>ask</c> not answered, <c>alone</c> read on its own.
    /// </summary>
    public static TheoryData<string, string, string> Conversations => new()
    {
        { "What are your store opening hours?", "and on Sundays?", "answer:store-hours" }, // "Are you open on Sundays" is an alternate
        { "Do you service bikes?", "how much is that?", "faq:bike-servicing" },
        { "Do you repair tents and gear?", "how long does that take?", "faq:repairs" },
        { "Do you sell gift cards?", "how long are they valid?", "faq:gift-cards" },
        { "What is your return policy?", "and if it is faulty?", "ask" },                   // offers the faulty-item entry
        { "Do you offer a student discount?", "what about kids?", "ask" },
        { "Do you price match?", "is it the same for Amazon?", "ask" },
        { "What are your store opening hours?", "thanks", "alone" },
        { "Do you ship internationally?", "hi", "alone" },
        { "Do you service bikes?", "Do you sell gift cards?", "alone" },
    };

    [Theory]
    [MemberData(nameof(Conversations))]
    public async Task A_follow_up_is_read_with_the_previous_topic_only_when_the_two_together_are_clear(string first, string second, string expected)
    {
        var c = Guid.NewGuid().ToString("N");
        await Say(c, first);
        var decision = Activities.Decision(await Say(c, second))!;
        var (route, faqId, followUpOf) = ((string?)decision["route"], (string?)decision["faqId"], (string?)decision["followUpOf"]);
        switch (expected.Split(':'))
        {
            case ["faq", var id]:
                Assert.Equal(("faq", id), (route, faqId));
                Assert.NotNull(followUpOf);
                break;
            case ["answer", var id]:
                Assert.Equal(("faq", id), (route, faqId));
                break;
            case ["ask"]:
                Assert.NotEqual("faq", route);
                break;
            default:
                Assert.Null(followUpOf);
                break;
        }
    }

    [Fact]
    public async Task After_a_hand_over_a_follow_up_joins_the_ticket_instead_of_leaning_on_the_old_topic()
    {
        var c = Guid.NewGuid().ToString("N");
        await Say(c, "Do you service bikes?");
        var opened = Activities.Decision(await Say(c, "I want to talk to a person"))!;
        Assert.Equal("escalate", (string?)opened["route"]);
        await Say(c, "skip");
        var later = await Say(c, "how much is that?");
        Assert.Null(Activities.Decision(later)!["followUpOf"]);
        Assert.Contains($"added this to your ticket {opened["ticketId"]}", (string?)later["text"]);
    }
}
