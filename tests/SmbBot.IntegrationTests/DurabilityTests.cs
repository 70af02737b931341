using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The host as its own process: killed without warning, restarted, refused a bad data file.</summary>
public class DurabilityTests : IDisposable
{
    private readonly string _data = RepoPaths.NewTempFolder();

    private Dictionary<string, string> Settings(params (string, string)[] more)
    {
        var settings = new Dictionary<string, string> { ["Storage__DataPath"] = _data, ["Tickets__ReadApi__Enabled"] = "true" };
        foreach (var (k, v) in more) settings[k] = v;
        return settings;
    }

    [Fact]
    public async Task A_ticket_announced_to_the_customer_survives_SIGKILL_right_after_the_reply()
    {
        string number;
        using (var host = await HostProcess.StartAsync(Settings()))
        {
            var response = await host.Client.PostAsJsonAsync("/api/messages",
                Activities.Message("durable-1", "I need to talk to a person about my invoice", expectReplies: true));
            var body = await response.Content.ReadAsStringAsync();
            host.Kill();
            var replies = JsonNode.Parse(body)!["activities"]!.AsArray();
            number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
            Assert.Contains(number, (string?)replies[^1]!["text"]);
        }

        using (var restarted = await HostProcess.StartAsync(Settings()))
        {
            var ticket = (await restarted.Client.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!;
            Assert.Equal("I need to talk to a person about my invoice", (string?)ticket["transcript"]![0]!["text"]);
            Assert.Contains(ticket["transcript"]!.AsArray(), e => ((string?)e!["text"])!.Contains(number));

            var next = await Activities.AskAsync(restarted.Client, "and one more thing", "durable-1");
            Assert.Equal(number, (string?)Activities.Decision(next[^1]!.AsObject())!["ticketId"]);
        }
    }

    [Fact]
    public async Task A_corrupt_data_file_stops_the_start_with_a_clear_message()
    {
        await File.WriteAllBytesAsync(Path.Combine(_data, "smbbot.db"), Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7)).ToArray());

        var (exitCode, _, errors) = await HostProcess.RunAsync(Settings(), TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("SmbBot cannot start: the data file", errors);
        Assert.Contains("smbbot.db is damaged: its first page is not a LiteDB header", errors);
    }

    [Fact]
    public async Task A_data_file_in_use_by_another_host_stops_the_start()
    {
        using var first = await HostProcess.StartAsync(Settings());

        var (exitCode, _, errors) = await HostProcess.RunAsync(Settings(), TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("is in use by another SmbBot process", errors);
        Assert.True((await first.Client.GetAsync("/health/ready")).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Invalid_escalation_rules_stop_the_start_naming_the_rule()
    {
        var (exitCode, _, errors) = await HostProcess.RunAsync(Settings(("Escalation__Rules__urgent__Priority", "low")), TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("Escalation:Rules:urgent:Priority must be urgent", errors);
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
