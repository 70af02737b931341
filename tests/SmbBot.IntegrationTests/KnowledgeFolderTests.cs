using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>Another business's knowledge, broken knowledge, and the saved model and index across restarts.</summary>
public class KnowledgeFolderTests : IDisposable
{
    private const string ClinicFaq = """
        id,question,answer,alternates,category
        clinic-hours,When is the clinic open?,"We are open Monday to Thursday 8:00-19:00 and Friday 8:00-14:00.",Opening times|Are you open on Fridays,practice
        emergency-appointments,Can I get an emergency dental appointment?,"Call 0161 000 0000 before 10:00 and we will see you the same day.",I have toothache can you see me today|Same day appointment,appointments
        nhs,Do you accept NHS patients?,"Yes, we take NHS patients for all routine treatment. Cosmetic work is private only.",Are you an NHS dentist|NHS treatment,fees
        whitening,How much does teeth whitening cost?,"Home whitening costs £295 including custom trays and gel.",Price of whitening|Whiten my teeth,fees
        parking,Where can I park for the clinic?,"There is free parking for patients behind the building.",Car park|Is there parking,practice

        """;

    private readonly string _knowledge = RepoPaths.NewTempFolder();

    public KnowledgeFolderTests()
    {
        RepoPaths.Copy(Path.Combine(RepoPaths.Knowledge, "intents"), Path.Combine(_knowledge, "intents"));
    }

    private void WriteFaq(string content)
    {
        Directory.CreateDirectory(Path.Combine(_knowledge, "faq"));
        File.WriteAllText(Path.Combine(_knowledge, "faq", "clinic.csv"), content.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task A_replaced_faq_folder_is_learnt_at_start_and_answered()
    {
        WriteFaq(ClinicFaq);
        using var host = new BotHost(_knowledge);

        var whitening = Activities.Decision((await Activities.AskAsync(host.CreateClient(), "how much is it to get my teeth whitened"))[0]!.AsObject())!;
        var toothache = Activities.Decision((await Activities.AskAsync(host.CreateClient(), "my tooth hurts a lot, can someone see me today"))[0]!.AsObject())!;
        var shipping = Activities.Decision((await Activities.AskAsync(host.CreateClient(), "how much does delivery cost"))[0]!.AsObject())!;

        Assert.Equal(("faq", "whitening"), ((string?)whitening["route"], (string?)whitening["faqId"]));
        Assert.Equal("emergency-appointments", (string?)toothache["faqId"]);
        // A customer in pain asking to be seen today: the emergency-appointment entry, offered or answered, or a person
        // (the hand-over intents, urgent included, can be sure of it).
        Assert.Contains((string?)toothache["route"], new[] { "faq", "clarify", "escalate" });
        Assert.NotEqual("faq", (string?)shipping["route"]);
        var ready = await host.CreateClient().GetFromJsonAsync<JsonObject>("/health/ready");
        Assert.Equal(5, (int)ready!["faqEntries"]!);
    }

    [Fact]
    public async Task A_broken_faq_row_and_an_unusable_languages_file_are_left_out_and_reported_and_the_rest_is_served()
    {
        WriteFaq(ClinicFaq + "broken,\"Unclosed question?,Answer,,\n");
        File.WriteAllText(Path.Combine(_knowledge, "languages.json"), """{ "es": { "served": "S", "notServed": "", "askEmail": "E", "added": "A" } }""");
        var data = RepoPaths.NewTempFolder();

        using (var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Knowledge__Path"] = _knowledge, ["Storage__DataPath"] = data }))
        {
            var ready = await host.Client.GetFromJsonAsync<JsonObject>("/health/ready");
            Assert.Equal(5, (int)ready!["faqEntries"]!);
            var leftOut = ready["leftOut"]!.AsArray().Select(p => (string?)p).ToArray();
            Assert.Equal(2, leftOut.Length);
            Assert.Contains(leftOut, p => p!.Contains("faq/clinic.csv line 7: a quoted value is never closed"));
            Assert.Contains(leftOut, p => p!.Contains("languages.json: 'es' needs the texts served, notServed, askEmail and added; the built-in texts are used"));
            // The built-in Spanish texts serve.
            var replies = await Activities.AskAsync(host.Client, "¿Cuánto cuesta el envío a Valencia?");
            Assert.Contains("Nuestro equipo atiende en inglés", (string?)replies[^1]!["text"]);
        }
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task A_faq_with_nothing_usable_stops_the_start_naming_every_problem()
    {
        WriteFaq("question,answer\nWhen are you open?,\n,Every day.\n");
        var data = RepoPaths.NewTempFolder();

        var (exitCode, _, errors) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["Knowledge__Path"] = _knowledge, ["Storage__DataPath"] = data }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("SmbBot cannot start: ", errors);
        Assert.Contains("no usable FAQ entry", errors);
        Assert.Contains("faq/clinic.csv line 2: 'When are you open?' has no answer", errors);
        Assert.Contains("faq/clinic.csv line 3: the row has no question", errors);
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task An_invalid_setting_stops_the_start_naming_the_setting()
    {
        WriteFaq(ClinicFaq);
        var data = RepoPaths.NewTempFolder();

        var (exitCode, _, errors) = await HostProcess.RunAsync(new Dictionary<string, string>
        {
            ["Knowledge__Path"] = _knowledge, ["Storage__DataPath"] = data, ["Routing__ClarifyScore"] = "0.9", ["Routing__AnswerScore"] = "0.7",
        }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("a setting is invalid", errors);
        Assert.Contains("Routing:ClarifyScore (0.9) must not be above Routing:AnswerScore (0.7)", errors);
        RepoPaths.DeleteFolder(data);
    }

    [Theory]
    [InlineData("train")]
    [InlineData("")]
    public async Task A_precision_target_out_of_range_stops_the_train_verb_and_the_server(string verb)
    {
        WriteFaq(ClinicFaq);
        var data = RepoPaths.NewTempFolder();
        var environment = new Dictionary<string, string>
        {
            ["Knowledge__Path"] = _knowledge, ["Storage__DataPath"] = data, ["Routing__AnswerPrecision"] = "1.5",
        };

        var (exitCode, _, errors) = verb.Length > 0
            ? await HostProcess.RunAsync(environment, TimeSpan.FromSeconds(60), verb)
            : await HostProcess.RunAsync(environment, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("AnswerPrecision", errors);
        Assert.Contains("between 0.5 and 1", errors);
        Assert.False(Directory.Exists(Path.Combine(data, "models")));
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task A_restart_reuses_the_saved_model_and_vectors_and_a_change_retrains()
    {
        WriteFaq(ClinicFaq);
        var data = RepoPaths.NewTempFolder();
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = data };
        string firstModel;
        using (var first = new BotHost(_knowledge, settings))
        {
            first.CreateClient();
            firstModel = Assert.Single(Directory.GetFiles(Path.Combine(data, "models"), "intent-*.zip"));
            Assert.Single(Directory.GetFiles(Path.Combine(data, "models"), "intent-*.heldout.json"));
        }
        var written = File.GetLastWriteTimeUtc(firstModel);

        using (var second = new BotHost(_knowledge, settings))
        {
            await Activities.AskAsync(second.CreateClient(), "hello");
            Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(Path.Combine(data, "models"), "intent-*.zip"))));
        }

        WriteFaq(ClinicFaq + "x-ray,Do you do dental x-rays?,Yes.,,\n");
        using (var third = new BotHost(_knowledge, settings))
        {
            var decision = Activities.Decision((await Activities.AskAsync(third.CreateClient(), "Do you do dental x-rays?"))[0]!.AsObject())!;
            Assert.Equal("x-ray", (string?)decision["faqId"]);
            Assert.NotEqual(firstModel, Assert.Single(Directory.GetFiles(Path.Combine(data, "models"), "intent-*.zip")));
            Assert.Equal(2, Directory.GetFiles(Path.Combine(data, "models")).Length);
        }
        RepoPaths.DeleteFolder(data);
    }

    [Theory]
    [InlineData("intent-*.heldout.json", "[{\"Text\":\"hello\"}]")]
    [InlineData("intent-*.heldout.json", "not json")]
    [InlineData("intent-*.zip", "not a zip")]
    public async Task A_damaged_saved_model_or_held_out_file_is_trained_again(string file, string content)
    {
        WriteFaq(ClinicFaq);
        var data = RepoPaths.NewTempFolder();
        var settings = new Dictionary<string, string?> { ["Storage:DataPath"] = data };
        using (var first = new BotHost(_knowledge, settings)) first.CreateClient();
        var damaged = Assert.Single(Directory.GetFiles(Path.Combine(data, "models"), file));
        File.WriteAllText(damaged, content);

        using (var second = new BotHost(_knowledge, settings))
        {
            var decision = Activities.Decision((await Activities.AskAsync(second.CreateClient(), "When is the clinic open?"))[0]!.AsObject())!;
            Assert.Equal("clinic-hours", (string?)decision["faqId"]);
        }
        Assert.NotEqual(content, File.ReadAllText(damaged));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(data, "models")).Length);
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task The_train_verb_prints_cross_validated_metrics_and_saves_the_model()
    {
        WriteFaq(ClinicFaq);
        var data = RepoPaths.NewTempFolder();

        var (exitCode, output, errors) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["Knowledge__Path"] = _knowledge, ["Storage__DataPath"] = data }, TimeSpan.FromSeconds(120), "train");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("cross-validation fold 5/5", output);
        Assert.Matches(@"5-fold accuracy +\d+\.\d %", output);
        Assert.Matches(@"MinIntentConfidence +0\.\d\d  target 97 % right; ", output);
        Assert.Matches(@"AnswerScore +0\.\d\d  target 98 % right; ", output);
        Assert.Single(Directory.GetFiles(Path.Combine(data, "models"), "intent-*.zip"));
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task The_staff_verb_adds_an_account_with_a_password_from_standard_input_and_refuses_bad_ones()
    {
        var data = RepoPaths.NewTempFolder();
        var env = new Dictionary<string, string> { ["Storage__DataPath"] = data };

        var added = await HostProcess.RunWithInputAsync(env, TimeSpan.FromSeconds(60), "a-long-password-1\n", "staff", "add", "ann@example.com", "Ann", "admin");
        var twice = await HostProcess.RunWithInputAsync(env, TimeSpan.FromSeconds(60), "a-long-password-1\n", "staff", "add", "ann@example.com", "Ann", "admin");
        var weak = await HostProcess.RunWithInputAsync(env, TimeSpan.FromSeconds(60), "short\n", "staff", "add", "bob@example.com", "Bob", "agent");
        var role = await HostProcess.RunWithInputAsync(env, TimeSpan.FromSeconds(60), "a-long-password-1\n", "staff", "add", "bob@example.com", "Bob", "owner");
        var usage = await HostProcess.RunWithInputAsync(env, TimeSpan.FromSeconds(60), "", "staff", "remove", "ann@example.com");

        Assert.Equal((0, "added admin Ann <ann@example.com>"), (added.ExitCode, added.Output.Trim()));
        Assert.Equal(1, twice.ExitCode);
        Assert.Contains("ann@example.com already has an account", twice.Errors);
        Assert.Contains("the password must have at least 10 characters", weak.Errors);
        Assert.Contains("the role must be agent or admin", role.Errors);
        Assert.Equal(2, usage.ExitCode);
        RepoPaths.DeleteFolder(data);
    }

    [Fact]
    public async Task An_unknown_verb_gets_usage_and_exit_code_2()
    {
        var (exitCode, _, errors) = await HostProcess.RunAsync(new Dictionary<string, string>(), TimeSpan.FromSeconds(60), "trian");

        Assert.Equal(2, exitCode);
        Assert.Contains("unknown command 'trian'", errors);
        Assert.Contains("usage:", errors);
    }

    [Fact]
    public async Task The_decision_entity_can_be_turned_off()
    {
        WriteFaq(ClinicFaq);
        using var host = new BotHost(_knowledge, new Dictionary<string, string?> { ["Bot:DecisionTrace"] = "false" });

        var reply = (await Activities.AskAsync(host.CreateClient(), "Is there parking?"))[0]!.AsObject();

        Assert.Contains("free parking", (string?)reply["text"]);
        Assert.Null(Activities.Decision(reply));
    }

    public void Dispose()
    {
        try { Directory.Delete(_knowledge, recursive: true); } catch (IOException) { }
    }
}
