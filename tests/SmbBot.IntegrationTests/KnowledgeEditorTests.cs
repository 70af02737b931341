using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Staff;
using SmbBot.Host.KnowledgeEditor;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample knowledge copied to a folder of its own (publishing writes it), with an admin.</summary>
public sealed class EditorBotHost : BotHost
{
    public EditorBotHost() : this(RepoPaths.NewTempFolder()) { }

    private EditorBotHost(string knowledge) : base(knowledge, new Dictionary<string, string?>
    {
        ["Staff:BootstrapAdmin:Email"] = ConsoleBotHost.AdminEmail,
        ["Staff:BootstrapAdmin:Password"] = ConsoleBotHost.AdminPassword,
        ["Staff:BootstrapAdmin:DisplayName"] = "Sam",
    })
    {
        RepoPaths.Copy(RepoPaths.Knowledge, knowledge);
        KnowledgePath = knowledge;
    }

    public string KnowledgePath { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        RepoPaths.DeleteFolder(KnowledgePath);
    }
}

/// <summary>
/// The FAQ editor against the real host: an edit is published in the background while the bot keeps answering with
/// the version in use, golden questions guard a publish, a version can be rolled back, files edited on disk are
/// picked up, and two admins cannot overwrite each other's edit.
/// </summary>
public class KnowledgeEditorTests(EditorBotHost host) : IClassFixture<EditorBotHost>
{
    private const string ParkingQuestion = "Is there parking at the store?";

    private async Task<ConsoleClient> AdminAsync(string? email = null, string? password = null)
    {
        var console = new ConsoleClient(host);
        var signIn = await console.SignInAsync(email ?? ConsoleBotHost.AdminEmail, password ?? ConsoleBotHost.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        return console;
    }

    private async Task<string> AnswerAsync(string question)
    {
        var replies = await Activities.AskAsync(host.CreateClient(), question);
        return string.Join("\n", replies.Select(r => (string?)r!["text"]));
    }

    private async Task<JsonObject> StatusAsync(ConsoleClient console) =>
        (await console.Http.GetFromJsonAsync<JsonObject>("/console/knowledge/status"))!;

    /// <summary>Waits for the publish to end; every turn answered while it runs must come from the version in use.</summary>
    private async Task<JsonObject> WaitForPublishAsync(ConsoleClient console, string? question = null, string? oldText = null)
    {
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            var answer = question is null ? null : await AnswerAsync(question);
            var status = await StatusAsync(console);
            if ((string?)status["state"] != "running") return status;
            // Still before the switch after the answer came: the version in use gave it, however far the publish has got.
            if (answer is not null && (string?)status["step"] != KnowledgePublisher.SwitchingStep) Assert.Contains(oldText!, answer);
            await Task.Delay(200);
        }
        throw new TimeoutException("the publish did not end within 90 s");
    }

    private static Dictionary<string, string> EntryForm(SmbBot.Core.Faq.FaqEntry e, string answer) => new()
    {
        ["id"] = e.Id, ["stamp"] = KnowledgeDraft.Stamp(e), ["question"] = e.Question,
        ["alternates"] = string.Join("\n", e.Alternates), ["answer"] = answer, ["category"] = e.Category,
    };

    private SmbBot.Core.Faq.FaqEntry DraftEntry(string id) => host.Services.GetRequiredService<KnowledgeDraft>().Load().Faq.Single(e => e.Id == id);

    [Fact]
    public async Task An_edit_goes_live_on_publish_without_a_restart_guarded_by_golden_questions_and_can_be_rolled_back()
    {
        var console = await AdminAsync();
        var before = await AnswerAsync(ParkingQuestion);
        Assert.Contains("20 spaces", before);
        var liveBefore = (int)(await StatusAsync(console))["live"]!["number"]!;

        var saved = await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Save",
            EntryForm(DraftEntry("parking"), "Yes: 35 free spaces behind the store, for up to 3 hours."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("20 spaces", await AnswerAsync(ParkingQuestion));

        // The try box runs the draft, not the version in use.
        var tried = await (await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Try", new() { ["question"] = ParkingQuestion }))
            .Content.ReadAsStringAsync();
        Assert.Contains("35 free spaces", tried);
        Assert.Contains("parking: Is there parking at the store?", tried);

        // A golden question the draft breaks blocks the publish, and says which.
        await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Golden", new() { ["question"] = ParkingQuestion, ["expected"] = "store-hours" });
        await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Publish", []);
        var refused = await WaitForPublishAsync(console, ParkingQuestion, "20 spaces");
        Assert.Equal("failed", (string?)refused["state"]);
        Assert.Contains("must answer store-hours but answers parking", (string?)refused["broken"]![0]);
        Assert.Contains("20 spaces", await AnswerAsync(ParkingQuestion));
        Assert.DoesNotContain("35 free spaces", File.ReadAllText(Path.Combine(host.KnowledgePath, "faq", "shop.csv")));

        await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Golden", new() { ["question"] = ParkingQuestion, ["expected"] = "parking" });
        await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Publish", []);
        var published = await WaitForPublishAsync(console, ParkingQuestion, "20 spaces");
        Assert.Equal("published", (string?)published["state"]);
        Assert.Contains("35 free spaces", await AnswerAsync(ParkingQuestion));
        Assert.Contains("35 free spaces", File.ReadAllText(Path.Combine(host.KnowledgePath, "faq", "shop.csv")));
        Assert.Contains("parking", File.ReadAllText(Path.Combine(host.KnowledgePath, "golden.csv")));
        var version = (int)published["live"]!["number"]!;
        Assert.True(version > liveBefore);

        var history = (await console.GetAsync($"/console/knowledge/history?diff={version}")).Body;
        Assert.Contains("changed: answer", history);
        Assert.Contains("<ins>35 free", history);

        // Rollback is a publish of the old version.
        await console.PostFormAsync("/console/knowledge/history", "/console/knowledge/history?handler=Rollback", new() { ["version"] = liveBefore.ToString() });
        var rolledBack = await WaitForPublishAsync(console, ParkingQuestion, "35 free spaces");
        Assert.Equal("published", (string?)rolledBack["state"]);
        Assert.Contains($"rollback to version {liveBefore}", (string?)rolledBack["message"]);
        Assert.Contains("20 spaces", await AnswerAsync(ParkingQuestion));
        Assert.Contains("20 spaces", File.ReadAllText(Path.Combine(host.KnowledgePath, "faq", "shop.csv")));
        Assert.Contains("20 spaces", DraftEntry("parking").Answer);
        Assert.Contains("rollback to version", (await console.GetAsync("/console/knowledge/history")).Body);
    }

    [Fact]
    public async Task A_file_edited_on_disk_is_picked_up_and_an_unreadable_one_keeps_the_version_in_use()
    {
        var console = await AdminAsync();
        var golden = Path.Combine(host.KnowledgePath, "golden.csv");
        var before = File.Exists(golden) ? File.ReadAllText(golden) : null;
        File.WriteAllText(golden, "question;answer\nbroken");
        var refused = await WaitForStateAsync(console, "failed");
        Assert.Contains("cannot be read", (string?)refused["message"]);
        if (before is null) File.Delete(golden); else File.WriteAllText(golden, before);

        var path = Path.Combine(host.KnowledgePath, "faq", "shop.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("The online shop takes orders every day.", "The online shop takes orders around the clock."));
        var published = await WaitForStateAsync(console, "published", "files changed on disk");
        Assert.Contains("changed holiday-hours", (string?)published["message"]);
        Assert.Contains("around the clock", await AnswerAsync("Are you open on public holidays?"));
    }

    private async Task<JsonObject> WaitForStateAsync(ConsoleClient console, string state, string? message = null)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            var status = await StatusAsync(console);
            if ((string?)status["state"] == state && (message is null || ((string?)status["message"])!.Contains(message))) return status;
            await Task.Delay(250);
        }
        throw new TimeoutException($"the publisher did not reach '{state}' within 60 s: {await StatusAsync(console)}");
    }

    [Fact]
    public async Task The_second_of_two_admins_saving_the_same_entry_is_refused_with_who_changed_it()
    {
        var staff = host.Services.GetRequiredService<StaffStore>();
        var email = $"robin.{Guid.NewGuid():N}@example.com";
        Assert.NotNull(staff.Add(email, "Robin", StaffRoles.Admin, "robin-password-42").Account);
        var (sam, robin) = (await AdminAsync(), await AdminAsync(email, "robin-password-42"));
        var opened = DraftEntry("store-location");

        var first = await sam.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Save", EntryForm(opened, "We are at 14 Harbour Street, Portsmouth."));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await robin.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Save", EntryForm(opened, "Find us on Harbour Street."));
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("was changed by Sam at ", page);
        Assert.Contains("reload", page);
        Assert.Equal("We are at 14 Harbour Street, Portsmouth.", DraftEntry("store-location").Answer);
    }

    [Fact]
    public async Task Agents_cannot_open_or_post_to_the_editor_and_forms_need_the_anti_forgery_token()
    {
        var staff = host.Services.GetRequiredService<StaffStore>();
        var email = $"alex.{Guid.NewGuid():N}@example.com";
        Assert.NotNull(staff.Add(email, "Alex", StaffRoles.Agent, "alex-password-42").Account);
        var agent = new ConsoleClient(host);
        await agent.SignInAsync(email, "alex-password-42");
        var page = await agent.Http.GetAsync("/console/knowledge");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/console/denied", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.GetAsync("/console/knowledge/status")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.PostAsync("/console/knowledge/history?handler=Rollback",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["version"] = "1" }))).StatusCode);

        var admin = await AdminAsync();
        var forged = await admin.Http.PostAsync("/console/knowledge?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
