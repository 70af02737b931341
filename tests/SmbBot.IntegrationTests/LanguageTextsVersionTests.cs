using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// <c>languages.json</c> is versioned knowledge, through the real host: an edit on disk is published without a
/// restart, listed in the history and rolled back like the FAQ; a file that cannot be used is refused.
/// </summary>
public class LanguageTextsVersionTests(EditorBotHost host) : IClassFixture<EditorBotHost>
{
    private const string SpanishQuestion = "¿Cuánto cuesta el envío a Valencia?";
    private const string SampleText = "Nuestro equipo atiende en inglés";
    private const string EditedText = "Hoy solo atendemos en inglés";

    private string LanguagesFile => Path.Combine(host.KnowledgePath, "languages.json");

    /// <summary>What a Spanish customer is told, in a conversation of its own (a ticket opens each time).</summary>
    private async Task<string> SpanishReplyAsync()
    {
        var replies = await Activities.AskAsync(host.CreateClient(), SpanishQuestion);
        var decision = Activities.Decision(replies[^1]!.AsObject())!;
        Assert.Equal(("es", true), ((string?)decision["language"], (bool?)decision["languageHandover"]));
        return string.Join("\n", replies.Select(r => (string?)r!["text"]));
    }

    private static async Task<JsonObject> StatusAsync(ConsoleClient console) =>
        (await console.Http.GetFromJsonAsync<JsonObject>("/console/knowledge/status"))!;

    private static async Task<JsonObject> WaitForAsync(ConsoleClient console, string state, string message)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            var status = await StatusAsync(console);
            if ((string?)status["state"] == state && ((string?)status["message"] ?? "").Contains(message)) return status;
            await Task.Delay(250);
        }
        throw new TimeoutException($"the publisher did not reach '{state}' ({message}) within 60 s: {await StatusAsync(console)}");
    }

    [Fact]
    public async Task An_edit_on_disk_changes_the_reply_without_a_restart_a_bad_one_is_refused_and_a_rollback_restores_it()
    {
        var console = new ConsoleClient(host);
        await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var sample = File.ReadAllText(LanguagesFile);
        Assert.Contains(SampleText, await SpanishReplyAsync());
        var before = (int)(await StatusAsync(console))["live"]!["number"]!;

        // A language the bot does not know: refused, the version in use keeps answering, nothing is recorded.
        File.WriteAllText(LanguagesFile, """{ "sv": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A" } }""");
        var refused = await WaitForAsync(console, "failed", "cannot be read");
        Assert.Contains("languages.json: 'sv' is not a language the bot recognises", (string?)refused["message"]);
        Assert.Contains(SampleText, await SpanishReplyAsync());
        File.WriteAllText(LanguagesFile, sample);

        File.WriteAllText(LanguagesFile, sample.Replace(SampleText, EditedText));
        var published = await WaitForAsync(console, "published", "files changed on disk");
        Assert.Contains("languages.json changed", (string?)published["message"]);
        var edited = (int)published["live"]!["number"]!;
        Assert.Equal(before + 1, edited);
        var reply = await SpanishReplyAsync();
        Assert.Contains(EditedText, reply);
        Assert.DoesNotContain(SampleText, reply);

        var history = (await console.GetAsync("/console/knowledge/history")).Body;
        Assert.Contains($"data-version=\"{edited}\"", history);
        Assert.Contains("languages.json changed", history);

        await console.PostFormAsync("/console/knowledge/history", "/console/knowledge/history?handler=Rollback", new() { ["version"] = before.ToString() });
        var rolledBack = await WaitForAsync(console, "published", $"rollback to version {before}");
        Assert.Contains("languages.json changed", (string?)rolledBack["message"]);
        Assert.Contains(SampleText, await SpanishReplyAsync());
        Assert.Equal(sample, File.ReadAllText(LanguagesFile));
    }
}
