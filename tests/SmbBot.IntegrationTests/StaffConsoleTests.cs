using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Staff;
using SmbBot.Core.Tickets;
using SmbBot.Host.Pages.Console;
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

public partial class StaffConsoleTests(ConsoleBotHost host) : IClassFixture<ConsoleBotHost>
{
    [GeneratedRegex("<p class=\"error\" role=\"alert\">([^<]*)</p>")]
    private static partial Regex Alert();

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
    public async Task Repeated_wrong_passwords_slow_down_that_address_but_never_lock_the_account()
    {
        var email = host.AddAgent("Lee", "lee-password-123");
        var guesser = new ConsoleClient(host);

        var wrong = await guesser.SignInAsync(email, "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.Refused), await wrong.Content.ReadAsStringAsync());
        for (int i = 0; i < 4; i++) await guesser.SignInAsync(email, "not-the-password");
        var waiting = await guesser.SignInAsync(email, "lee-password-123");
        var elsewhere = await new ConsoleClient(host).SignInAsync(email, "lee-password-123");

        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.Contains("Too many failed sign-ins for this e-mail from your network. Try again in 1 minute.", await waiting.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await guesser.Http.GetAsync("/console")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/console", elsewhere.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Unknown_disabled_and_wrong_password_sign_ins_get_the_same_answer()
    {
        var disabled = host.AddAgent("Jo", "jo-password-123");
        var staff = host.Services.GetRequiredService<StaffStore>();
        Assert.Null(staff.SetDisabled(staff.All().Single(a => a.Email == disabled).Id, true));
        var existing = host.AddAgent("Ray", "ray-password-123");

        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var (email, password) in new[] { ($"nobody.{Guid.NewGuid():N}@example.com", "any-password-1"), (disabled, "jo-password-123"), (existing, "wrong-password-1") })
        {
            var response = await new ConsoleClient(host).SignInAsync(email, password);
            answers.Add((response.StatusCode, Alert().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value));
        }

        Assert.Equal((HttpStatusCode.Unauthorized, WebUtility.HtmlEncode(SignInModel.Refused)), answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
    }

    [Fact]
    public async Task Too_many_sign_ins_from_one_address_get_429_and_a_clear_page_others_still_sign_in()
    {
        var flooder = new ConsoleClient(host);
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 11; i++) // the default is 10 a minute; a different unknown e-mail each time
            statuses.Add((await flooder.SignInAsync($"guess{i}.{Guid.NewGuid():N}@example.com", "wrong-password-1")).StatusCode);
        var refused = await flooder.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var page = await refused.Content.ReadAsStringAsync();
        var other = await new ConsoleClient(host).SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 10), statuses.Take(10));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains("There have been too many sign-in attempts. Wait a minute, then try again.", page);
        Assert.Equal(HttpStatusCode.OK, (await flooder.Http.GetAsync("/console/signin")).StatusCode); // the page itself is not limited
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    [Theory]
    [InlineData(" ", "some-password-1")]
    [InlineData("sam@example.com", "")]
    public async Task A_blank_e_mail_or_password_is_refused_like_a_wrong_one(string email, string password)
    {
        var response = await new ConsoleClient(host).SignInAsync(email, password);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(SignInModel.Refused), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("a note")]
    [InlineData("")]
    public async Task A_ticket_form_for_a_blank_ticket_number_is_not_an_error(string text)
    {
        var staff = new ConsoleClient(host);
        await staff.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);

        var response = await staff.PostFormAsync("/console", "/console/tickets/%20?handler=Note", new() { ["text"] = text });

        Assert.Equal(text.Length > 0 ? HttpStatusCode.NotFound : HttpStatusCode.Redirect, response.StatusCode);
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
        await staff.PostFormAsync(page, page + "?handler=Resolve", new() { ["confirmed"] = "yes" });
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

    [Fact]
    public async Task The_queue_total_counts_every_open_ticket_when_there_are_more_than_a_page()
    {
        // Low priority and due late, so they sort after the other tests' tickets; a category of their own to count them.
        var category = $"bulk-{Guid.NewGuid():N}"[..12];
        var due = DateTime.UtcNow.AddDays(30);
        host.Services.GetRequiredService<ITicketStore>().CreateMany(Enumerable.Range(0, 127).Select(i => new Ticket
        {
            Category = category, Priority = TicketPriority.Low, Status = TicketStatus.Open, ConversationId = $"{category}-{i}",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, FirstResponseDue = due, ResolutionDue = due,
        }));
        var staff = new ConsoleClient(host);
        await staff.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);

        var page = (await staff.Http.GetFromJsonAsync<JsonObject>($"/api/tickets?category={category}&take=100"))!;
        var (_, html) = await staff.GetAsync($"/console?category={category}");

        Assert.Equal(127, (int)page["total"]!);
        Assert.Equal(100, page["tickets"]!.AsArray().Count);
        Assert.Contains("<span class=\"count\">127</span>", html);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_only_the_website_may_be_framed_by_itself()
    {
        var staff = new ConsoleClient(host);
        await staff.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var anonymous = new ConsoleClient(host);
        var flooder = new ConsoleClient(host);
        HttpResponseMessage limited = null!;
        for (int i = 0; i < 12; i++) limited = await flooder.SignInAsync($"flood{i}@example.com", "wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);

        List<(string What, HttpResponseMessage Response)> console =
        [
            ("queue, signed in, no new anti-forgery cookie", await staff.Http.GetAsync("/console")),
            ("sign-in page, again", await staff.Http.GetAsync("/console/signin")),
            ("redirect to sign-in", await anonymous.Http.GetAsync("/console")),
            ("ticket api, refused", await anonymous.Http.GetAsync("/api/tickets")),
            ("ticket api", await staff.Http.GetAsync("/api/tickets")),
            ("health", await anonymous.Http.GetAsync("/health/live")),
            ("stylesheet", await anonymous.Http.GetAsync("/css/console.css")),
            ("not found", await anonymous.Http.GetAsync("/no-such-page")),
            ("rate limited", limited),
        ];
        var site = await anonymous.Http.GetAsync("/");

        foreach (var (what, response) in console)
        {
            Assert.True(response.Headers.Contains("Content-Security-Policy"), what);
            Assert.EndsWith("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Contains("script-src 'self';", response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
        }
        Assert.EndsWith("frame-ancestors 'self'", site.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("SAMEORIGIN", site.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", site.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Forwarded_headers_are_ignored_when_no_proxy_is_trusted()
    {
        var email = host.AddAgent("Ash", "ash-password-123");
        var client = new ConsoleClient(host);
        client.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 6; i++)
        {
            client.Http.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.Http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await client.SignInAsync(email, "wrong-password-1")).StatusCode);
        }
        var other = new ConsoleClient(host);
        other.Http.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var signIn = await other.SignInAsync(email, "ash-password-123");

        // A new X-Forwarded-For each time did not make a new client: the sixth try waits.
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 5), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }
}
