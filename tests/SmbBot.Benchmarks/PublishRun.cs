using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.Benchmarks;

/// <summary>
/// Publish-to-live time of one changed FAQ entry, through the console as an owner does it (save in the draft, publish,
/// until the bot answers the new text), on the sample shop and on a 110-entry FAQ (the sample shop plus three of the
/// unseen-business kits). Two simulated customers keep asking during each publish; their turns and errors are counted.
/// Two edits each: an answer (the classifier is reused) and a new alternate question (the classifier is retrained).
/// </summary>
public static partial class PublishRun
{
    private const string Admin = "bench@example.com";
    private const string Password = "publish-benchmark-42";

    public static async Task RunAsync(bool largeOnly = false)
    {
        Console.WriteLine($"SmbBot publish benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores");
        var kits = Path.Combine(RepoPaths.Root, "tests", "UnseenBusinesses", "kits");
        if (!largeOnly) await MeasureAsync("sample shop", []);
        // The sample shop with a bakery's and a software company's FAQ added: no question shared between them.
        await MeasureAsync("large FAQ", [(Path.Combine(kits, "crumb-and-co-bakery", "faq.csv"), int.MaxValue), (Path.Combine(kits, "tallybook-saas", "faq.tsv"), int.MaxValue)]);
    }

    private static async Task MeasureAsync(string name, (string File, int Rows)[] extraFaqFiles)
    {
        var knowledge = RepoPaths.NewTempFolder();
        var data = RepoPaths.NewTempFolder();
        try
        {
            RepoPaths.Copy(RepoPaths.Knowledge, knowledge);
            foreach (var (file, rows) in extraFaqFiles)
                File.WriteAllLines(Path.Combine(knowledge, "faq", Path.GetFileName(Path.GetDirectoryName(file)!) + Path.GetExtension(file)),
                    File.ReadLines(file).Take(rows == int.MaxValue ? int.MaxValue : rows + 1));
            using var host = await HostUnderTest.StartAsync(data, new Dictionary<string, string>
            {
                ["Knowledge__Path"] = knowledge,
                ["Staff__BootstrapAdmin__Email"] = Admin,
                ["Staff__BootstrapAdmin__Password"] = Password,
                ["Staff__BootstrapAdmin__DisplayName"] = "Bench",
            });
            using var probe = new HttpClient { BaseAddress = host.Address };
            var entries = (int?)(await probe.GetFromJsonAsync<JsonObject>("/health/ready"))?["faqEntries"];
            Console.WriteLine($"{name}: {entries?.ToString() ?? "?"} FAQ entries, host ready after {host.Startup.TotalSeconds:0.0} s");
            var console = new FormClient(host.Address);
            await console.PostFormAsync("/console/signin", "/console/signin", new() { ["Email"] = Admin, ["Password"] = Password });
            await PublishAsync(console, host.Address, name, "answer edited", "Yes: 35 free spaces behind the store, for up to 3 hours.", null);
            await PublishAsync(console, host.Address, name, "alternate added", null, "Is there anywhere to leave my car");
        }
        finally
        {
            RepoPaths.DeleteFolder(knowledge);
            RepoPaths.DeleteFolder(data);
        }
    }

    private static async Task PublishAsync(FormClient console, Uri address, string name, string what, string? answer, string? alternate)
    {
        var form = await console.Http.GetStringAsync("/console/knowledge?edit=parking");
        string Field(string field) => WebUtility(FieldPattern(field).Match(form).Groups[1].Value);
        var currentAnswer = TextArea("answer").Match(form).Groups[1].Value;
        var alternates = TextArea("alternates").Match(form).Groups[1].Value;
        var fields = new Dictionary<string, string>
        {
            ["id"] = "parking", ["stamp"] = Field("stamp"), ["question"] = Field("question"), ["category"] = Field("category"),
            ["answer"] = WebUtility(answer ?? currentAnswer), ["alternates"] = WebUtility(alternates) + (alternate is null ? "" : "\n" + alternate),
        };
        var saved = await console.PostFormAsync("/console/knowledge?edit=parking", "/console/knowledge?handler=Save", fields);
        if ((int)saved.StatusCode != 302) throw new InvalidOperationException($"the edit was not saved: {(int)saved.StatusCode}");

        using var customers = new CancellationTokenSource();
        int turns = 0, errors = 0;
        var asking = Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = address };
            string[] questions = ["what time do you close on saturdays", "are you open christmas day", "do you sell gift cards", "I want to talk to a person"];
            for (int n = 0; !customers.IsCancellationRequested; n++)
            {
                try
                {
                    await AskAsync(client, questions[(n + i) % questions.Length]);
                    Interlocked.Increment(ref turns);
                    await Task.Delay(100); // a busy shop's steady traffic, not a flood that competes with the training
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
            }
        })).ToArray();

        var clock = Stopwatch.StartNew();
        await console.PostFormAsync("/console/knowledge", "/console/knowledge?handler=Publish", []);
        var expected = answer ?? WebUtility(currentAnswer);
        var question = alternate ?? "Is there parking at the store?";
        using var asker = new HttpClient { BaseAddress = address };
        string state = "running";
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var reply = string.Join("\n", (await AskAsync(asker, question)).Select(r => (string?)r!["text"]));
            if (reply.Contains(expected) && (alternate is null || await IsExactAsync(asker, question))) break;
            state = (string?)(await console.Http.GetFromJsonAsync<JsonObject>("/console/knowledge/status"))!["state"] ?? "";
            if (state == "failed") break;
            await Task.Delay(100);
        }
        var live = clock.Elapsed.TotalSeconds;
        customers.Cancel();
        await Task.WhenAll(asking);
        var status = await console.Http.GetFromJsonAsync<JsonObject>("/console/knowledge/status");
        Console.WriteLine($"  {what}: live {live:0.0} s after the publish request (publisher: {(double?)status!["seconds"]:0.0} s, {status["state"]}); " +
            $"{turns} customer turns answered meanwhile, {errors} errors; {status["message"]}");
    }

    /// <summary>A new alternate is live when the bot takes it for the entry's own question.</summary>
    private static async Task<bool> IsExactAsync(HttpClient client, string question)
    {
        var replies = await AskAsync(client, question);
        return replies.OfType<JsonObject>().Select(r => r["entities"]?.AsArray().OfType<JsonObject>().FirstOrDefault(e => (string?)e["type"] == "smbbot.decision")).OfType<JsonObject>()
            .Any(d => ((string?)d["reason"])?.Contains("one of the FAQ's questions") == true);
    }

    private static async Task<JsonArray> AskAsync(HttpClient client, string text)
    {
        var activity = new JsonObject
        {
            ["type"] = "message", ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "emulator", ["serviceUrl"] = "http://127.0.0.1:9/",
            ["deliveryMode"] = "expectReplies", ["text"] = text,
            ["from"] = new JsonObject { ["id"] = "bench-user", ["role"] = "user" }, ["recipient"] = new JsonObject { ["id"] = "bot" },
            ["conversation"] = new JsonObject { ["id"] = Guid.NewGuid().ToString("N") },
        };
        var response = await client.PostAsJsonAsync("/api/messages", activity);
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }

    /// <summary>A signed-in browser: cookies kept, the anti-forgery token sent with each form.</summary>
    private sealed partial class FormClient(Uri address)
    {
        public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = address };

        public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
        {
            var page = await Http.GetStringAsync(formPage);
            fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
            return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }

    private static string WebUtility(string html) => System.Net.WebUtility.HtmlDecode(html);

    private static Regex FieldPattern(string name) => new($"name=\"{name}\" value=\"([^\"]*)\"");

    private static Regex TextArea(string name) => new($"<textarea name=\"{name}\"[^>]*>([^<]*)</textarea>");
}
