using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample host with a bootstrap admin.</summary>
public sealed class ConsoleBotHost() : BotHost(settings: new Dictionary<string, string?>
{
    ["Staff:BootstrapAdmin:Email"] = ConsoleBotHost.AdminEmail,
    ["Staff:BootstrapAdmin:Password"] = ConsoleBotHost.AdminPassword,
    ["Staff:BootstrapAdmin:DisplayName"] = "Sam",
})
{
    public const string AdminEmail = "sam@example.com";
    public const string AdminPassword = "harbour-and-pine-42";

    /// <summary>Adds an agent with a fresh address and returns its e-mail.</summary>
    public string AddAgent(string name, string password)
    {
        var email = $"{name.ToLowerInvariant()}.{Guid.NewGuid():N}@example.com";
        Assert.NotNull(Services.GetRequiredService<StaffStore>().Add(email, name, StaffRoles.Agent, password).Account);
        return email;
    }
}

public class StaffConsoleTests(ConsoleBotHost host) : IClassFixture<ConsoleBotHost>
{
    [Fact]
    public async Task Console_pages_and_the_ticket_api_need_sign_in()
    {
        var anonymous = new ConsoleClient(host);

        var queue = await anonymous.Http.GetAsync("/console");
        var ticket = await anonymous.Http.GetAsync("/console/tickets/T-1001");
        var api = await anonymous.Http.GetAsync("/api/tickets");
        var hub = await anonymous.Http.PostAsync("/console/hub/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Redirect, queue.StatusCode);
        Assert.StartsWith("http://localhost/console/signin", queue.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, ticket.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, hub.StatusCode);
    }

    [Fact]
    public async Task The_bootstrap_admin_signs_in_sees_the_queue_and_signs_out()
    {
        var console = new ConsoleClient(host);

        var signIn = await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var (status, page) = await console.GetAsync("/console");
        var api = await console.Http.GetAsync("/api/tickets");
        var signOut = await console.PostFormAsync("/console", "/console/signin?handler=SignOut", []);
        var after = await console.Http.GetAsync("/console");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/console", signIn.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>Queue", page);
        Assert.Contains("Sam", page);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_repeated_failures_lock_the_account()
    {
        var email = host.AddAgent("Lee", "lee-password-123");
        var console = new ConsoleClient(host);

        var wrong = await console.SignInAsync(email, "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("The e-mail or password is wrong.", await wrong.Content.ReadAsStringAsync());
        for (int i = 0; i < 4; i++) await console.SignInAsync(email, "not-the-password");

        var locked = await console.SignInAsync(email, "lee-password-123");

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await console.Http.GetAsync("/console")).StatusCode);
    }

    [Fact]
    public async Task A_form_without_the_anti_forgery_token_is_rejected()
    {
        var console = new ConsoleClient(host);

        var response = await console.Http.PostAsync("/console/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = ConsoleBotHost.AdminEmail, ["Password"] = ConsoleBotHost.AdminPassword,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Agents_cannot_manage_staff_admins_can_and_a_disabled_account_is_signed_out()
    {
        var agentEmail = host.AddAgent("Kim", "kim-password-123");
        var agent = new ConsoleClient(host);
        await agent.SignInAsync(agentEmail, "kim-password-123");
        var admin = new ConsoleClient(host);
        await admin.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);

        var denied = await agent.Http.GetAsync("/console/staff");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/console/denied", denied.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await agent.Http.GetAsync("/console")).StatusCode);

        var newEmail = $"pat.{Guid.NewGuid():N}@example.com";
        await admin.PostFormAsync("/console/staff", "/console/staff?handler=Add", new() { ["name"] = "Pat", ["email"] = newEmail, ["role"] = "agent", ["password"] = "short" });
        Assert.Contains("Not added: the password must have at least 10 characters", (await admin.GetAsync("/console/staff")).Body);
        await admin.PostFormAsync("/console/staff", "/console/staff?handler=Add", new() { ["name"] = "Pat", ["email"] = newEmail, ["role"] = "agent", ["password"] = "pat-password-123" });
        Assert.Contains(newEmail, (await admin.GetAsync("/console/staff")).Body);

        var kim = host.Services.GetRequiredService<StaffStore>().All().Single(a => a.Email == agentEmail);
        await admin.PostFormAsync("/console/staff", "/console/staff?handler=Toggle", new() { ["id"] = kim.Id });
        Assert.Equal(HttpStatusCode.Redirect, (await agent.Http.GetAsync("/console")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await new ConsoleClient(host).SignInAsync(agentEmail, "kim-password-123")).StatusCode);
    }

    [Fact]
    public async Task Staff_take_a_ticket_reply_into_the_chat_and_hand_it_back_for_a_rating()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        var bot = host.CreateClient();
        var conversation = Guid.NewGuid().ToString("N") + "|livechat";
        Task<JsonObject> Say(string text) => channel.SayAsync(bot, Activities.Message(conversation, text, channel.ServiceUrl));

        await Say("<script>alert(1)</script> I want to talk to a person about [this](http://evil.example)");
        var opened = channel.All(conversation)[^1];
        var number = (string)Activities.Decision(opened)!["ticketId"]!;
        await Say("skip");

        var staff = new ConsoleClient(host);
        await staff.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var (_, queue) = await staff.GetAsync("/console");
        Assert.Contains(number, queue);
        var page = $"/console/tickets/{number}";
        var (_, first) = await staff.GetAsync(page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", first);
        Assert.DoesNotContain("<script>alert(1)", first);
        await staff.PostFormAsync(page, page + "?handler=Claim", []);
        await staff.PostFormAsync(page, page + "?handler=Reply", new() { ["text"] = "Hello, I'm looking at it now." });

        var joined = await channel.NextAsync(conversation);
        Assert.Equal($"Sam from our team has joined the conversation and is looking at your request {number}.", (string?)joined["text"]);
        var reply = await channel.NextAsync(conversation);
        Assert.Equal("Sam (Harbour & Pine Outdoor team): Hello, I'm looking at it now.", (string?)reply["text"]);
        Assert.StartsWith("staff:", (string?)reply["from"]!["id"]);        // from the person, on the Emulator's channel too
        Assert.Equal("Sam", (string?)reply["from"]!["name"]);

        var before = channel.All(conversation).Count;
        var quiet = await bot.PostAsJsonAsync("/api/messages", Activities.Message(conversation, "thanks, it's order 4411", channel.ServiceUrl));
        Assert.True(quiet.IsSuccessStatusCode);
        var (_, ticketPage) = await staff.GetAsync(page);
        Assert.Contains("thanks, it&#x27;s order 4411", ticketPage);
        Assert.Contains("[this](http://evil.example)", ticketPage);
        Assert.DoesNotContain("<a href=\"http://evil.example\"", ticketPage);
        Assert.Equal(before, channel.All(conversation).Count); // the bot did not answer in between

        await staff.PostFormAsync(page, page + "?handler=Note", new() { ["text"] = "Customer is a regular." });
        await staff.PostFormAsync(page, page + "?handler=Resolve", []);
        var handBack = await channel.NextAsync(conversation);
        Assert.Contains($"Sam has marked your request {number} as resolved", (string?)handBack["text"]);
        Assert.Equal(["1", "2", "3", "4", "5"], handBack["suggestedActions"]!["actions"]!.AsArray().Select(a => (string)a!["value"]!));

        var thanks = await Say("5");
        Assert.Contains("Thank you for your rating", (string?)thanks["text"]);
        var ticket = (await staff.Http.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!;
        Assert.Equal(5, (int)ticket["rating"]!);
        Assert.Equal("resolved", (string?)ticket["status"]);
        Assert.Equal("Sam", (string?)ticket["assignedToName"]);
        var kinds = ticket["history"]!.AsArray().Select(h => $"{h!["kind"]}:{h["actor"]}").ToArray();
        Assert.Contains("assigned:Sam", kinds);
        Assert.Contains("reply:Sam", kinds);
        Assert.Contains("note:Sam", kinds);
        Assert.Contains("status:Sam", kinds);
        Assert.Contains("rating:customer", kinds);
        Assert.Contains(ticket["transcript"]!.AsArray(), e => (string?)e!["from"] == "staff" && (string?)e["name"] == "Sam");

        var next = await Say("how much is postage");
        Assert.Contains("£3.95", (string?)next["text"]); // the bot is back
    }

    [Fact]
    public async Task A_reply_to_a_customer_who_has_left_is_kept_on_the_ticket()
    {
        var bot = host.CreateClient();
        var conversation = Guid.NewGuid().ToString("N");
        await bot.PostAsJsonAsync("/api/messages", Activities.Message(conversation, "I want to speak to a person", "http://127.0.0.1:9/"));
        var staff = new ConsoleClient(host);
        await staff.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var tickets = await staff.Http.GetFromJsonAsync<JsonObject>("/api/tickets?take=100");
        var number = (string)tickets!["tickets"]!.AsArray().First(t => (string?)t!["preview"] == "I want to speak to a person")!["number"]!;
        var page = $"/console/tickets/{number}";

        await staff.PostFormAsync(page, page + "?handler=Reply", new() { ["text"] = "We'll call you." });

        var (_, html) = await staff.GetAsync(page);
        Assert.Contains("The chat could not be reached; the reply is kept on the ticket.", html);
        var ticket = (await staff.Http.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!;
        Assert.Contains(ticket["transcript"]!.AsArray(), e => (string?)e!["text"] == "We'll call you.");
        Assert.Contains(ticket["history"]!.AsArray(), h => ((string?)h!["detail"])!.StartsWith("kept"));
    }
}
