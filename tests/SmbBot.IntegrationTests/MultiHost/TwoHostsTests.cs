using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.MultiHost;

/// <summary>
/// Two real host processes on one PostgreSQL database behind nginx with no sticky sessions: one website chat is served
/// by both in turn, and goes on when one of them is killed.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class TwoHostsTests(PostgreSqlTestCluster cluster) : IAsyncLifetime
{
    private TwoHostDeployment _hosts = null!;
    private RunningHost? _a, _b;
    private NginxProxy? _proxy;

    public async Task InitializeAsync()
    {
        _hosts = await TwoHostDeployment.StartAsync(cluster);
        (_a, _b, _proxy) = (_hosts.A, _hosts.B, _hosts.Proxy);
    }

    [Fact]
    public async Task One_chat_is_served_by_both_hosts_in_turn_and_goes_on_when_one_is_killed()
    {
        using var site = new HttpClient { BaseAddress = new Uri(_proxy!.Address) };
        var chat = await DirectLineChat.StartAsync(site);

        string[] questions = ["Is there parking at the store?", "Do you sell gift cards?", "What is your return policy?", "Do you service bikes?"];
        foreach (var question in questions)
        {
            await chat.SayAsync(question);
            await chat.WaitForAsync(a => a["replyToId"] is not null && !((string?)a["text"] ?? "").StartsWith("Sorry", StringComparison.Ordinal));
        }
        var posts = _proxy.Served().Where(l => l.Contains(" POST ") && l.Contains("/activities")).ToArray();
        Assert.Contains(posts, l => l.StartsWith($"127.0.0.1:{_a!.Client.BaseAddress!.Port} ", StringComparison.Ordinal));
        Assert.Contains(posts, l => l.StartsWith($"127.0.0.1:{_b!.Client.BaseAddress!.Port} ", StringComparison.Ordinal));

        _a!.Kill();
        await chat.SayAsync("I want to talk to a person");
        var announced = await chat.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("ticket", StringComparison.OrdinalIgnoreCase));
        await chat.SayAsync("Is there parking at the store?");
        await chat.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("20 spaces", StringComparison.Ordinal));

        // Everything the customer said and was told is in the shared database, in order, each once.
        var all = await chat.PollAsync(fromStart: true);
        var said = all.Where(a => (string?)a["from"]?["role"] != "bot" && (string?)a["type"] == "message").Select(a => (string)a["text"]!).ToArray();
        Assert.Equal([.. questions, "I want to talk to a person", "Is there parking at the store?"], said);
        var ids = all.Select(a => (string?)a["id"]).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        var number = System.Text.RegularExpressions.Regex.Match((string)announced["text"]!, @"T-\d+").Value;
        Assert.NotEmpty(number);
        var ticket = await _b!.Client.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}");
        Assert.Equal(chat.ConversationId, (string?)ticket!["ticket"]!["conversationId"]);
    }

    public Task DisposeAsync()
    {
        _hosts?.Dispose();
        return Task.CompletedTask;
    }
}
