using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Business;
using SmbBot.Core.Conversations;
using SmbBot.Core.Privacy;
using SmbBot.Core.Staff;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample host on a copy of the sample knowledge (the settings page writes into it), with a bootstrap admin.</summary>
public sealed class BrandBotHost : BotHost
{
    public BrandBotHost() : this(CopyOfSampleKnowledge()) { }

    private BrandBotHost(string knowledge) : base(knowledge, new Dictionary<string, string?>
    {
        ["Staff:BootstrapAdmin:Email"] = ConsoleBotHost.AdminEmail,
        ["Staff:BootstrapAdmin:Password"] = ConsoleBotHost.AdminPassword,
        ["Staff:BootstrapAdmin:DisplayName"] = "Sam",
    }) => Knowledge = knowledge;

    public string Knowledge { get; }

    private static string CopyOfSampleKnowledge()
    {
        var folder = RepoPaths.NewTempFolder();
        RepoPaths.Copy(RepoPaths.Knowledge, folder);
        return folder;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        RepoPaths.DeleteFolder(Knowledge);
    }
}

/// <summary>The console's business settings page, the chat's appearance endpoint and the queue's search, on the real host.</summary>
public partial class BusinessSettingsTests(BrandBotHost host) : IClassFixture<BrandBotHost>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"Form.Version\" value=\"([^\"]*)\"")]
    private static partial Regex Version();

    private async Task<ConsoleClient> AdminAsync()
    {
        var admin = new ConsoleClient(host);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword)).StatusCode);
        return admin;
    }

    /// <summary>The settings form as the page shows it now, with <paramref name="changes"/> typed over it.</summary>
    private static async Task<Dictionary<string, string>> OpenFormAsync(ConsoleClient client, Dictionary<string, string>? changes = null)
    {
        var page = await client.Http.GetStringAsync("/console/settings");
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
            ["Form.Version"] = Version().Match(page).Groups[1].Value,
            ["Form.BusinessName"] = "Harbour & Pine Outdoor",
            ["Form.Greeting"] = BusinessProfile.DefaultGreeting,
            ["Form.Topics"] = "",
            ["Form.AccentColour"] = "#1f4d3a",
            ["Form.HandoffContact"] = "call us on 023 9200 0000",
            ["Form.TimeZone"] = "Europe/London",
        };
        foreach (var day in Enum.GetNames<DayOfWeek>()) fields[$"Form.Hours[{day}]"] = "09:00-17:00";
        foreach (var (k, v) in changes ?? []) fields[k] = v;
        return fields;
    }

    private static Task<HttpResponseMessage> SaveAsync(ConsoleClient client, Dictionary<string, string> fields, (byte[] Bytes, string Name, string Type)? avatar = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var (k, v) in fields) form.Add(new StringContent(v, Encoding.UTF8), k);
        if (avatar is { } file)
        {
            var content = new ByteArrayContent(file.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(file.Type);
            form.Add(content, "avatar", file.Name);
        }
        return client.Http.PostAsync("/console/settings", form);
    }

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    private async Task<JsonObject> AppearanceAsync() =>
        JsonNode.Parse(await host.CreateClient().GetStringAsync("/api/webchat/appearance"))!.AsObject();

    /// <summary>The bot's first message when a chat opens (the Emulator channel's conversationUpdate, replies in the response).</summary>
    private async Task<JsonObject> NewChatGreetingAsync()
    {
        var update = Activities.ConversationUpdate(Guid.NewGuid().ToString("N"), "http://127.0.0.1:9/");
        update["deliveryMode"] = "expectReplies";
        var response = await host.CreateClient().PostAsJsonAsync("/api/messages", update);
        var replies = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
        return replies.OfType<JsonObject>().First(a => (string?)a["type"] == "message");
    }

    [Fact]
    public async Task Agents_get_the_denied_page_and_a_post_without_the_anti_forgery_token_is_refused()
    {
        var email = host.Services.GetRequiredService<StaffStore>().Add($"lee.{Guid.NewGuid():N}@example.com", "Lee", StaffRoles.Agent, "lee-password-123").Account!.Email;
        var agent = new ConsoleClient(host);
        await agent.SignInAsync(email, "lee-password-123");
        var admin = await AdminAsync();
        var fields = await OpenFormAsync(admin, new() { ["Form.BusinessName"] = "Forged Name" });
        fields.Remove("__RequestVerificationToken");

        var denied = await agent.Http.GetAsync("/console/settings");
        var forged = await SaveAsync(admin, fields);

        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/console/denied", denied.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("Forged Name", host.Services.GetRequiredService<BusinessSettings>().Current.BusinessName);
    }

    [Fact]
    public async Task A_bad_value_is_refused_on_the_form_with_what_is_wrong_and_nothing_is_written()
    {
        var admin = await AdminAsync();
        var settings = host.Services.GetRequiredService<BusinessSettings>();
        var before = (settings.Current, settings.Version, File.Exists(Path.Combine(host.Knowledge, "business.json")) ? File.ReadAllText(Path.Combine(host.Knowledge, "business.json")) : null);

        var response = await SaveAsync(admin, await OpenFormAsync(admin, new()
        {
            ["Form.BusinessName"] = "Never Saved Ltd", ["Form.AccentColour"] = "orange",
            ["Form.TimeZone"] = "Mars/Olympus", ["Form.Hours[Monday]"] = "17:00-09:00",
        }));
        var page = Decoded(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Nothing was saved: The accent colour 'orange' must be a hex colour like #1f4d3a.", page);
        Assert.Contains("Nothing was saved: Time zone 'Mars/Olympus' is not a known time zone", page);
        Assert.Contains("Nothing was saved: Opening hours on Monday '17:00-09:00' must be HH:mm-HH:mm", page);
        Assert.Contains("value=\"Never Saved Ltd\"", page); // what was typed is kept on the form
        Assert.Equal(before, (settings.Current, settings.Version, File.Exists(Path.Combine(host.Knowledge, "business.json")) ? File.ReadAllText(Path.Combine(host.Knowledge, "business.json")) : null));
        Assert.NotEqual("Never Saved Ltd", (string)(await AppearanceAsync())["businessName"]!);
    }

    [Fact]
    public async Task A_saved_name_greets_the_next_chat_and_shows_in_the_appearance_without_a_restart()
    {
        var admin = await AdminAsync();
        var name = $"Pine Cone Bikes {Guid.NewGuid().ToString("N")[..6]}";

        var saved = await SaveAsync(admin, await OpenFormAsync(admin, new()
        {
            ["Form.BusinessName"] = name, ["Form.Greeting"] = "Hi, {name} here. What can we fix for you?",
            ["Form.Topics"] = "Opening hours\r\nBike servicing prices\r\n", ["Form.AccentColour"] = "#FFD166",
            ["Form.HandoffContact"] = "ring the workshop on 01632 960000",
        }));
        var appearance = await AppearanceAsync();
        var greeting = await NewChatGreetingAsync();
        var page = Decoded(await admin.Http.GetStringAsync("/console/settings"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(name + " assistant", (string)appearance["title"]!);
        Assert.Equal(("#ffd166", "#1d2521"), ((string)appearance["accent"]!, (string)appearance["accentText"]!));
        Assert.Equal($"Hi, {name} here. What can we fix for you?", (string)greeting["text"]!);
        Assert.Equal(["Opening hours", "Bike servicing prices"], greeting["suggestedActions"]!["actions"]!.AsArray().Select(a => (string)a!["title"]!));
        Assert.Matches(@"Saved \(business name, greeting, topics, accent colour, [^)]*\)\. New chats use it now\.", page);
        Assert.Contains(name, File.ReadAllText(Path.Combine(host.Knowledge, "business.json")));
        var audit = host.Services.GetRequiredService<IAuditLog>().Recent("settings");
        Assert.Contains(audit, e => e.Actor == "Sam" && e.Detail.StartsWith("changed business name, greeting"));
    }

    [Fact]
    public async Task Only_a_png_jpeg_or_webp_of_at_most_256_KB_is_taken_as_the_avatar_and_it_is_served_as_that_type()
    {
        var admin = await AdminAsync();
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        var big = new byte[AvatarImage.MaxBytes + 1024];
        Png.CopyTo(big, 0);

        var asSvg = await SaveAsync(admin, await OpenFormAsync(admin), (svg, "logo.svg", "image/svg+xml"));
        var svgNamedPng = await SaveAsync(admin, await OpenFormAsync(admin), (svg, "logo.png", "image/png"));
        var tooBig = await SaveAsync(admin, await OpenFormAsync(admin), (big, "big.png", "image/png"));
        var refusedAvatar = (await AppearanceAsync())["avatarUrl"];
        var png = await SaveAsync(admin, await OpenFormAsync(admin), (Png, "logo.jpg", "image/jpeg"));
        var avatarUrl = (string)(await AppearanceAsync())["avatarUrl"]!;
        var served = await host.CreateClient().GetAsync(avatarUrl);

        const string wrongType = "Nothing was saved: the avatar must be a PNG, JPEG or WebP image (SVG and other files are refused).";
        Assert.Contains(wrongType, Decoded(await asSvg.Content.ReadAsStringAsync()));
        Assert.Contains(wrongType, Decoded(await svgNamedPng.Content.ReadAsStringAsync()));
        Assert.Contains("Nothing was saved: the avatar is 257 KB; at most 256 KB.", Decoded(await tooBig.Content.ReadAsStringAsync()));
        Assert.Null(refusedAvatar);
        Assert.Equal(HttpStatusCode.Redirect, png.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await served.Content.ReadAsByteArrayAsync());
        Assert.Single(Directory.GetFiles(Path.Combine(host.Knowledge, "branding")));
    }

    [Fact]
    public async Task A_save_from_a_form_opened_before_another_admins_save_is_refused_and_keeps_their_change()
    {
        var first = await AdminAsync();
        var second = await AdminAsync();
        var firstForm = await OpenFormAsync(first, new() { ["Form.HandoffContact"] = "first admin: call 01632 960001" });
        var secondForm = await OpenFormAsync(second, new() { ["Form.HandoffContact"] = "second admin: call 01632 960002" });

        var firstSave = await SaveAsync(first, firstForm);
        var secondSave = await SaveAsync(second, secondForm);
        var page = Decoded(await secondSave.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, firstSave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, secondSave.StatusCode);
        Assert.Contains("Nothing was saved: someone else saved the settings after you opened this page", page);
        Assert.Contains("Reload the settings", page);
        Assert.Equal("first admin: call 01632 960001", host.Services.GetRequiredService<BusinessSettings>().Current.HandoffContact);
    }

    [Fact]
    public async Task The_queue_search_finds_tickets_by_number_customer_and_conversation_text()
    {
        var store = host.Services.GetRequiredService<ITicketStore>();
        var marker = Guid.NewGuid().ToString("N")[..8];
        var byText = store.Create(new Ticket
        {
            Category = "general", Reason = EscalationReason.AskedForPerson, CustomerEmail = $"zoe.{marker}@example.com",
            Transcript = [new TranscriptEntry { From = Speaker.Customer, Text = $"My Kayak-{marker} paddle cracked" }, new TranscriptEntry { From = Speaker.Customer, Text = $"zoe.{marker}@example.com" }],
        });
        var other = store.Create(new Ticket { Category = "general", Transcript = [new TranscriptEntry { From = Speaker.Customer, Text = "where is my order" }] });
        var admin = await AdminAsync();

        var words = Decoded(await admin.Http.GetStringAsync($"/console?q=kayak-{marker}+PADDLE"));
        var address = Decoded(await admin.Http.GetStringAsync($"/console?q=ZOE.{marker}"));
        var number = Decoded(await admin.Http.GetStringAsync($"/console?q={other.Number}"));
        var nothing = Decoded(await admin.Http.GetStringAsync($"/console?q=nothing-{marker}"));

        Assert.Contains($"data-ticket=\"{byText.Number}\"", words);
        Assert.Contains($"1 ticket found for “kayak-{marker} PADDLE”", words);
        Assert.Contains($"<td class=\"preview\">My Kayak-{marker} paddle cracked</td>", words); // what it is about, not the address typed after
        Assert.DoesNotContain($"data-ticket=\"{other.Number}\"", words);
        Assert.Contains($"data-ticket=\"{byText.Number}\"", address);
        Assert.Equal(1, Regex.Count(number, "data-ticket="));
        Assert.Contains($"data-ticket=\"{other.Number}\"", number);
        Assert.Contains($"No ticket found for “nothing-{marker}”", nothing);
    }
}
