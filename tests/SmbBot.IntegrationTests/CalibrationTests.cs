using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The routing thresholds the bot uses are the ones chosen from the knowledge, by the same code as the train verb.</summary>
public class CalibrationTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Fact]
    public async Task The_host_uses_the_thresholds_the_train_verb_chooses_from_the_same_knowledge()
    {
        var data = RepoPaths.NewTempFolder();
        var (exitCode, output, errors) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["Storage__DataPath"] = data }, TimeSpan.FromSeconds(180), "train");
        Assert.True(exitCode == 0, errors);

        var inUse = await ThresholdsAsync(host.CreateClient());

        foreach (var setting in new[] { "MinIntentConfidence", "MinHandoverConfidence", "AnswerScore", "ClarifyScore" })
        {
            var printed = Regex.Match(output, $@"  {setting} +(0\.\d\d)  target \d+ % right; (\w+)");
            Assert.True(printed.Success, output);
            Assert.Equal(double.Parse(printed.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), (double)inUse[setting]!["value"]!, 6);
            Assert.Equal("calibrated", printed.Groups[2].Value);
            Assert.StartsWith("calibrated", (string?)inUse[setting]!["source"]);
        }
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task A_threshold_set_in_configuration_overrides_the_calibrated_one_and_changes_what_the_bot_does()
    {
        const string question = "what time do you open on saturday";
        var calibrated = Activities.Decision((await Activities.AskAsync(host.CreateClient(), question))[^1]!.AsObject())!;

        using var strict = new BotHost(settings: new Dictionary<string, string?> { ["Routing:AnswerScore"] = "0.99" });
        var client = strict.CreateClient();
        var pinned = Activities.Decision((await Activities.AskAsync(client, question))[^1]!.AsObject())!;

        Assert.Equal("faq", (string?)calibrated["route"]);
        Assert.Equal("clarify", (string?)pinned["route"]);
        var inUse = await ThresholdsAsync(client);
        Assert.Equal(0.99, (double)inUse["AnswerScore"]!["value"]!, 6);
        Assert.Equal("set in Routing", (string?)inUse["AnswerScore"]!["source"]);
        Assert.StartsWith("calibrated", (string?)inUse["MinIntentConfidence"]!["source"]);
    }

    [Fact]
    public async Task A_request_split_between_handover_intents_opens_a_ticket_on_their_added_probability()
    {
        var client = host.CreateClient();
        var inUse = await ThresholdsAsync(client);

        var decision = Activities.Decision((await Activities.AskAsync(client, "I need to talk to a person about my invoice"))[^1]!.AsObject())!;

        Assert.Equal("escalate", (string?)decision["route"]);
        var handover = (double)decision["handoverConfidence"]!;
        Assert.True(handover > (double)decision["intentConfidence"]!, decision.ToJsonString());
        Assert.True(handover >= (double)inUse["MinHandoverConfidence"]!["value"]!);
    }

    private static async Task<JsonObject> ThresholdsAsync(HttpClient client)
    {
        var ready = (await client.GetFromJsonAsync<JsonObject>("/health/ready"))!;
        return new JsonObject(ready["thresholds"]!.AsArray().Select(t =>
            KeyValuePair.Create((string)t!["setting"]!, (JsonNode?)t.DeepClone())));
    }
}
