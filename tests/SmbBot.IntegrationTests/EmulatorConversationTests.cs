using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.Data;
using SmbBot.Knowledge.VectorStore;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The test plays Bot Framework Emulator: it posts activities and receives the replies on its own serviceUrl.</summary>
public class EmulatorConversationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Fact]
    public async Task A_conversation_gets_a_welcome_answers_a_did_you_mean_and_an_honest_fallback()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        var client = host.CreateClient();
        var conversation = Guid.NewGuid().ToString("N") + "|livechat";

        Task<JsonObject> Say(JsonObject activity) => channel.SayAsync(client, activity);

        var welcome = await Say(Activities.ConversationUpdate(conversation, channel.ServiceUrl));
        Assert.Contains("Harbour & Pine Outdoor", (string?)welcome["text"]);
        Assert.Equal("user-1", (string?)welcome["recipient"]?["id"]);

        var answer = await Say(Activities.Message(conversation, "how much do you charge for postage", channel.ServiceUrl));
        Assert.Contains("£3.95", (string?)answer["text"]);
        Assert.Equal("faq", (string?)Activities.Decision(answer)!["route"]);
        Assert.Equal("shipping-cost", (string?)Activities.Decision(answer)!["faqId"]);

        var clarify = await Say(Activities.Message(conversation, "delivery", channel.ServiceUrl));
        var decision = Activities.Decision(clarify)!;
        Assert.Equal("clarify", (string?)decision["route"]);
        var offered = clarify["suggestedActions"]!["actions"]!.AsArray().Select(a => (string?)a!["value"]).ToArray();
        Assert.Contains("How long does delivery take?", offered);
        Assert.Contains("How much does delivery cost?", offered);
        Assert.Contains("Talk to a person", offered);

        var picked = await Say(Activities.Message(conversation, "How long does delivery take?", channel.ServiceUrl));
        Assert.Contains("3-5 working days", (string?)picked["text"]);
        Assert.Equal("shipping-times", (string?)Activities.Decision(picked)!["faqId"]);

        var fallback = await Say(Activities.Message(conversation, "what is the capital of france", channel.ServiceUrl));
        Assert.Equal("fallback", (string?)Activities.Decision(fallback)!["route"]);
        Assert.Contains("I'd rather not guess", (string?)fallback["text"]);
        Assert.Equal("Talk to a person", (string?)fallback["suggestedActions"]!["actions"]![0]!["value"]);

        var ticket = await Say(Activities.Message(conversation, "Talk to a person", channel.ServiceUrl));
        var escalation = Activities.Decision(ticket)!;
        Assert.Equal("escalate", (string?)escalation["route"]);
        Assert.Matches($"as ticket {escalation["ticketId"]}. {Activities.ReplyPromise}", (string?)ticket["text"]);
        Assert.Equal("Skip", (string?)ticket["suggestedActions"]!["actions"]![0]!["value"]);

        Assert.Equal(6, channel.All(conversation).Count);
    }

    [Fact]
    public async Task ExpectReplies_returns_the_reply_in_the_response_body()
    {
        var replies = await Activities.AskAsync(host.CreateClient(), "Is there parking at the store?");

        var reply = Assert.Single(replies)!.AsObject();
        Assert.Contains("20 spaces", (string?)reply["text"]);
        var decision = Activities.Decision(reply)!;
        Assert.Equal("faq", (string?)decision["route"]);
        Assert.Equal("parking", (string?)decision["faqId"]);
        Assert.Equal(1.0, (double)decision["faqScore"]!);
        Assert.NotNull(decision["intent"]);
        Assert.InRange((double)decision["intentConfidence"]!, 0, 1);
    }

    [Fact]
    public async Task The_faq_is_available_to_Semantic_Kernel_as_a_text_search()
    {
        host.CreateClient();
        var search = host.Services.GetRequiredService<ITextSearch<FaqPhrasingRecord>>();

        var results = await search.GetTextSearchResultsAsync("what does postage cost", new() { Top = 1 });

        var best = Assert.Single(await results.Results.ToListAsync());
        Assert.Equal("faq:shipping-cost", best.Link);
        Assert.Contains("£3.95", best.Value);
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = host.CreateClient();

        var live = await client.GetAsync("/health/live");
        var ready = await client.GetFromJsonAsync<JsonObject>("/health/ready");

        Assert.True(live.IsSuccessStatusCode);
        Assert.True((bool)ready!["ready"]!);
        Assert.True((bool)ready["storeOpen"]!);
        Assert.Equal(("LiteDb", true), ((string)ready["store"]!["provider"]!, (bool)ready["store"]!["open"]!));
        Assert.True((bool)ready["modelLoaded"]!);
        Assert.Equal(47, (int)ready["faqEntries"]!);
    }
}
