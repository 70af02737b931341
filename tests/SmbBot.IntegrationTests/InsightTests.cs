using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Insight;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample host with a bootstrap admin, on a copy of the sample knowledge (the inbox writes FAQ into it).</summary>
public sealed class InsightBotHost() : BotHost(knowledgePath: KnowledgeCopy(), settings: new Dictionary<string, string?>
{
    ["Staff:BootstrapAdmin:Email"] = ConsoleBotHost.AdminEmail,
    ["Staff:BootstrapAdmin:Password"] = ConsoleBotHost.AdminPassword,
    ["Staff:BootstrapAdmin:DisplayName"] = "Sam",
})
{
    private static string KnowledgeCopy()
    {
        var folder = Path.Combine(RepoPaths.NewTempFolder(), "knowledge");
        RepoPaths.Copy(RepoPaths.Knowledge, folder);
        return folder;
    }
}

/// <summary>Conversations through the real host move the insight counters the dashboard and its exports read.</summary>
public partial class InsightTests(InsightBotHost host) : IClassFixture<InsightBotHost>
{
    /// <summary>One message from <paramref name="user"/>; each test uses its own users, so no return links tests.</summary>
    private async Task<JsonArray> Say(string conversation, string user, string text)
    {
        var activity = Activities.Message(conversation, text, expectReplies: true);
        activity["from"]!["id"] = user;
        var response = await host.CreateClient().PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }

    private static string Route(JsonArray replies) => (string)Activities.Decision(replies[^1]!.AsObject())!["route"]!;

    private async Task<JsonObject> Insight(ConsoleClient console) => (await console.Http.GetFromJsonAsync<JsonObject>("/api/insight"))!;

    private static double Figure(JsonObject view, string key) =>
        (double?)view["figures"]!["headline"]!.AsArray().First(f => (string?)f!["key"] == key)!["value"] ?? 0;

    private async Task<ConsoleClient> SignedInAsync()
    {
        var console = new ConsoleClient(host);
        await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        return console;
    }

    [Fact]
    public async Task Conversations_through_the_host_move_the_right_counters()
    {
        var console = await SignedInAsync();
        var before = await Insight(console);
        var run = Guid.NewGuid().ToString("N")[..8];

        var answered = "thanked-" + run;
        Assert.Equal("faq", Route(await Say(answered, "u-a-" + run, "What are your store opening hours?")));
        Assert.Equal("smalltalk", Route(await Say(answered, "u-a-" + run, "thanks")));
        Assert.Equal("escalate", Route(await Say("person-" + run, "u-b-" + run, "I want to talk to a real person")));
        Assert.Equal("fallback", Route(await Say("lost-" + run, "u-c-" + run, "can you tune my grandfather clock")));

        var after = await Insight(console);
        Assert.Equal(3, Figure(after, "conversations") - Figure(before, "conversations"));
        Assert.Equal(1, Figure(after, "confirmed") - Figure(before, "confirmed"));
        Assert.Equal(1, Figure(after, "handedOver") - Figure(before, "handedOver"));
        Assert.Equal(1, (long)after["figures"]!["handOverReasons"]!["AskedForPerson"]! - (long)before["figures"]!["handOverReasons"]!["AskedForPerson"]!);
        Assert.Equal(1, Figure(after, "unanswered") - Figure(before, "unanswered"));
        Assert.Equal(1, Figure(after, "unansweredConversations") - Figure(before, "unansweredConversations"));
        Assert.Equal(1, Figure(after, "awaitingReply") - Figure(before, "awaitingReply"));
        Assert.Contains(after["topFaq"]!.AsArray(), e => (string?)e!["faqId"] == "store-hours");

        var kept = host.Services.GetRequiredService<IUnansweredStore>().Since(DateTime.UtcNow.AddHours(-1)).Single(m => m.ConversationId == "lost-" + run);
        Assert.Equal("can you tune my grandfather clock", kept.Text);
        Assert.False(kept.Unsure);
    }

    [Fact]
    public async Task The_dashboard_shows_each_figure_with_its_definition_and_exports_without_text_unless_asked()
    {
        var console = await SignedInAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        await Say("export-" + run, "u-e-" + run, "my card is 4111 1111 1111 1111, where is my parcel going to arrive");

        var (status, page) = await console.GetAsync("/console/insight");
        var plain = await console.Http.GetStringAsync("/api/insight/conversations.csv");
        var withText = await console.Http.GetStringAsync("/api/insight/conversations.csv?text=true");
        var figures = await console.Http.GetStringAsync("/api/insight/figures.csv");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Resolved by the bot", page);
        Assert.Contains("counted as resolved", page);
        Assert.Contains("/lib/chartjs-4.6.1/chart.umd.min.js", page);
        Assert.Contains("export-" + run, plain);
        Assert.DoesNotContain("parcel", plain);
        Assert.Contains("[card number], where is my parcel", withText);
        Assert.DoesNotContain("4111", withText);
        Assert.StartsWith("figure,name,value,unit,from,to,definition", figures);
    }

    [Fact]
    public async Task A_wrong_range_gets_a_clear_error_and_the_figures_need_sign_in()
    {
        var console = await SignedInAsync();

        var backwards = await console.Http.GetAsync("/api/insight?from=2026-05-02&to=2026-05-01");
        var garbled = await console.Http.GetAsync("/api/insight?from=yesterday");
        var anonymous = await new ConsoleClient(host).Http.GetAsync("/api/insight");

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("is after", await backwards.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("yyyy-MM-dd", await garbled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [System.Text.RegularExpressions.GeneratedRegex("<li>can you tune my grandfather clock</li>[\\s\\S]*?name=\"ids\" value=\"([0-9,]+)\"")]
    private static partial System.Text.RegularExpressions.Regex ClockGroup();

    [Fact]
    public async Task The_inbox_groups_unanswered_messages_and_turns_a_group_into_a_new_FAQ_entry()
    {
        var console = await SignedInAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal("fallback", Route(await Say("clock1-" + run, "u-k1-" + run, "can you tune my grandfather clock")));
        Assert.Equal("fallback", Route(await Say("clock2-" + run, "u-k2-" + run, "can you tune my grandfather clock please")));

        var (_, inbox) = await console.GetAsync("/console/unanswered");
        var ids = ClockGroup().Match(inbox).Groups[1].Value;
        Assert.True(ids.Split(',').Length >= 2, "both clock questions are in one group");
        var created = await console.PostFormAsync("/console/unanswered", "/console/unanswered?handler=NewEntry", new()
        {
            ["ids"] = ids, ["question"] = "Do you tune grandfather clocks?", ["answer"] = "No, but Tick & Co on Queen Street do.", ["category"] = "services",
        });
        var (_, after) = await console.GetAsync("/console/unanswered");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains("New entry &#x27;do-you-tune-grandfather-clocks&#x27; written to", after);
        Assert.Contains("Share before", after);
        Assert.DoesNotContain("<li>can you tune my grandfather clock</li>", after);
        var knowledge = SmbBot.Core.KnowledgeFiles.KnowledgeBase.Load(host.Services.GetRequiredService<SmbBot.Host.Configuration.SmbBotPaths>().Knowledge);
        var entry = Assert.Single(knowledge.Faq, f => f.Id == "do-you-tune-grandfather-clocks");
        Assert.Contains("can you tune my grandfather clock", entry.Alternates);
        Assert.Empty(knowledge.Problems);
    }

    /// <summary>The ids of the inbox group whose examples include <paramref name="example"/>, read from the page as the owner's form posts them.</summary>
    private static string GroupIds(string inboxPage, string example)
    {
        var group = System.Text.RegularExpressions.Regex.Match(inboxPage,
            $"<li>{System.Text.RegularExpressions.Regex.Escape(example)}</li>[\\s\\S]*?name=\"ids\" value=\"([0-9,]+)\"");
        Assert.True(group.Success, $"no inbox group shows '{example}'");
        return group.Groups[1].Value;
    }

    private async Task<JsonObject> WaitForLiveAsync(ConsoleClient console, string faqId)
    {
        var until = DateTime.UtcNow.AddSeconds(150);
        JsonObject? status = null;
        while (DateTime.UtcNow < until)
        {
            status = (await console.Http.GetFromJsonAsync<JsonObject>("/console/knowledge/status"))!;
            if ((string?)status["state"] == "published" && ((string?)status["message"] ?? "").Contains(faqId)) return status;
            Assert.NotEqual("failed", (string?)status["state"]);
            await Task.Delay(250);
        }
        throw new TimeoutException($"'{faqId}' was not published within 150 s: {status}");
    }

    [Fact]
    public async Task An_unanswered_question_turned_into_an_entry_in_the_inbox_is_answered_after_the_background_publish()
    {
        const string question = "can you teach me to play the violin";
        var console = await SignedInAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal("fallback", Route(await Say("violin1-" + run, "u-v1-" + run, question)));

        var ids = GroupIds((await console.GetAsync("/console/unanswered")).Body, question);
        var created = await console.PostFormAsync("/console/unanswered", "/console/unanswered?handler=NewEntry", new()
        {
            ["ids"] = ids, ["question"] = question, ["answer"] = "No, but the music school on Mill Lane gives violin lessons.", ["category"] = "services",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        // The folder watcher sees the changed FAQ file and publishes it; the bot switches only when that is live.
        var live = await WaitForLiveAsync(console, "can-you-teach-me-to-play-the-violin");
        var replies = await Say("violin2-" + run, "u-v2-" + run, question);

        Assert.Contains("files changed on disk", (string?)live["message"]);
        var decision = Activities.Decision(replies[^1]!.AsObject())!;
        Assert.Equal(("faq", "can-you-teach-me-to-play-the-violin"), ((string?)decision["route"], (string?)decision["faqId"]));
        Assert.Contains(replies, r => ((string?)r!["text"] ?? "").Contains("music school on Mill Lane"));
    }
}
