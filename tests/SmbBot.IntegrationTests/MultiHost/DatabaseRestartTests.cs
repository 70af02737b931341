using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.MultiHost;

/// <summary>
/// PostgreSQL stopped while the host serves, then started again. The class has a cluster of its own (not the shared
/// <see cref="PostgreSqlCollection"/> one), so stopping it disturbs no other test.
/// </summary>
public sealed class DatabaseRestartTests(PostgreSqlTestCluster cluster) : IClassFixture<PostgreSqlTestCluster>, IDisposable
{
    private const string Question = "what are your opening hours";
    private readonly string _folder = RepoPaths.NewTempFolder();

    [Fact]
    public async Task While_the_database_is_down_turns_get_503_with_Retry_After_and_once_it_is_back_the_chat_continues_with_nothing_half_written()
    {
        using var host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = Path.Combine(_folder, "data"), ["Storage__Provider"] = "PostgreSql",
            ["Storage__ConnectionString"] = cluster.NewDatabase(),
        });
        var chat = await DirectLineChat.StartAsync(host.Client);
        await AskAsync(chat);

        cluster.StopServer();
        HttpResponseMessage post, messages, ready;
        try
        {
            post = await chat.PostAsync(Question);
            messages = await host.Client.PostAsJsonAsync("/api/messages", Activities.Message(Guid.NewGuid().ToString("N"), Question, expectReplies: true));
            ready = await host.Client.GetAsync("/health/ready");
        }
        finally
        {
            cluster.StartServer();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.NotNull(post.Headers.RetryAfter);
        Assert.Equal("DatabaseUnavailable", (string?)(await post.Content.ReadFromJsonAsync<JsonObject>())!["error"]!["code"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, messages.StatusCode);
        Assert.NotNull(messages.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("database cannot be reached", (string?)(await ready.Content.ReadFromJsonAsync<JsonObject>())!["store"]!["problem"]);

        await WaitUntilReady(host.Client);
        await AskAsync(chat);
        var all = await chat.PollAsync(fromStart: true);
        var asked = all.Where(a => (string?)a["from"]!["role"] == "user" && (string?)a["type"] == "message").ToArray();
        Assert.Equal([Question, Question], asked.Select(a => (string?)a["text"]));
        Assert.Equal(all.Count, all.Select(a => (string?)a["id"]).Distinct().Count());
        var replies = asked.Select(a => all.Count(r => (string?)r["from"]!["role"] == "bot" && (string?)r["type"] == "message" && (string?)r["replyToId"] == (string?)a["id"])).ToArray();
        Assert.True(replies[0] > 0 && replies[0] == replies[1], $"replies per question: {string.Join(", ", replies)}");

        host.Kill();
        var output = await host.OutputAsync();
        Assert.DoesNotContain(Question, output);
        Assert.Single(Lines(output, "answered 503: the database is unavailable"));
        Assert.Single(Lines(output, "failed: the database is unavailable"));
    }

    /// <summary>Asks <see cref="Question"/> and waits for the bot's answer to it.</summary>
    private static async Task AskAsync(DirectLineChat chat)
    {
        var id = (string?)(await (await chat.PostAsync(Question)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["id"];
        await chat.WaitForAsync(a => (string?)a["replyToId"] == id);
    }

    private static string[] Lines(string output, string text) => output.Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();

    private static async Task WaitUntilReady(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await client.GetAsync("/health/ready")).IsSuccessStatusCode)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the host did not become ready again within 30 s of the database's return");
            await Task.Delay(200);
        }
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);
}
