using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Core.Conversations;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Privacy;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>A customer's data request: an admin finds, exports and erases everything held about one person, audited.</summary>
public class PrivacyTests(ConsoleBotHost host) : IClassFixture<ConsoleBotHost>
{
    private async Task<JsonArray> SayAsync(string conversationId, string userId, string text)
    {
        var activity = Activities.Message(conversationId, text, expectReplies: true);
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = "Customer", ["role"] = "user" };
        var response = await host.CreateClient().PostAsJsonAsync("/api/messages", activity);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray();
    }

    private async Task<string> OpenTicketAsync(string userId, string email)
    {
        var conversation = $"c-{Guid.NewGuid():N}";
        var opened = await SayAsync(conversation, userId, "I want to talk to a real person");
        var number = (string)Activities.Decision(opened[^1]!.AsObject())!["ticketId"]!;
        await SayAsync(conversation, userId, email);
        return number;
    }

    [Fact]
    public async Task An_admin_exports_then_erases_one_customer_and_nobody_else()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string userId = $"user-{id}", email = $"dana.{id}@example.org";
        var number = await OpenTicketAsync(userId, email);
        await SayAsync($"c-{Guid.NewGuid():N}", userId, "what are your opening hours?");
        var chats = host.Services.GetRequiredService<IDirectLineStore>();
        var (chat, _) = chats.GetOrCreate($"dl-{id}", userId, verified: false, DateTime.UtcNow)!.Value;
        chats.Append(chat.Id, DateTime.UtcNow, seq => new JsonObject { ["type"] = "message", ["text"] = $"my address is {email}" }.ToJsonString(), withinQuota: true);
        var otherNumber = await OpenTicketAsync($"user-other-{id}", $"other.{id}@example.org");

        var console = new ConsoleClient(host);
        await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var found = await console.PostFormAsync("/console/privacy", "/console/privacy?handler=Find", new() { ["customer"] = email.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var page = await found.Content.ReadAsStringAsync();
        Assert.Contains($"1 ticket(s): {number}", page);
        Assert.Contains("2 conversation memory record(s)", page);
        Assert.Contains("1 website chat(s)", page);
        Assert.DoesNotContain(otherNumber, page);

        var export = await console.PostFormAsync("/console/privacy", "/console/privacy?handler=Export",
            new() { ["customer"] = email });
        Assert.Equal("application/json", export.Content.Headers.ContentType?.MediaType);
        var document = JsonNode.Parse(await export.Content.ReadAsStringAsync())!;
        var ticket = Assert.Single(document["tickets"]!.AsArray())!;
        Assert.Equal(email, (string?)ticket["customerEmail"]);
        Assert.Contains(ticket["transcript"]!.AsArray(), e => (string?)e!["text"] == "I want to talk to a real person");
        Assert.Equal(2, document["conversations"]!.AsArray().Count);
        Assert.Contains(email, (string?)document["websiteChats"]![0]!["activities"]![0]!["text"]);

        var unconfirmed = await console.PostFormAsync("/console/privacy", "/console/privacy?handler=Erase", new() { ["customer"] = email, ["confirm"] = "yes" });
        Assert.Contains("Nothing erased: type ERASE", await unconfirmed.Content.ReadAsStringAsync());
        Assert.NotNull(host.Services.GetRequiredService<ITicketStore>().Get(number));

        var erase = await console.PostFormAsync("/console/privacy", "/console/privacy?handler=Erase", new() { ["customer"] = email, ["confirm"] = "ERASE" });
        Assert.Equal(HttpStatusCode.Redirect, erase.StatusCode);
        var tickets = host.Services.GetRequiredService<ITicketStore>();
        Assert.Null(tickets.Get(number));
        Assert.NotNull(tickets.Get(otherNumber));
        var (subject, _) = PersonalDataSubject.From(email);
        subject!.UserIds.Add(userId);
        Assert.Empty(host.Services.GetRequiredService<IConversationStore>().Of(subject));
        Assert.Null(chats.Get(chat.Id));
        var after = await console.PostFormAsync("/console/privacy", "/console/privacy?handler=Find", new() { ["customer"] = email });
        Assert.Contains("no tickets", await after.Content.ReadAsStringAsync());

        var audit = host.Services.GetRequiredService<IAuditLog>().Recent();
        Assert.Contains(audit, e => e.Action == "export" && e.Actor == "Sam");
        Assert.Contains(audit, e => e.Action == "erase" && e.Detail.StartsWith("1 tickets, 2 conversations, 0 crm, 1 websiteChats"));
        Assert.All(audit, e => Assert.DoesNotContain(email, e.Subject + e.Detail));
    }

    [Fact]
    public async Task Only_admins_reach_customer_data()
    {
        var agent = new ConsoleClient(host);
        await agent.SignInAsync(host.AddAgent("Riley", "riley-password-1234"), "riley-password-1234");

        var page = await agent.Http.GetAsync("/console/privacy");

        Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("x\u0001y@example.org")]
    public async Task A_search_that_identifies_nobody_is_refused_with_a_reason(string value)
    {
        var console = new ConsoleClient(host);
        await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);

        var erase = await console.PostFormAsync("/console/privacy", "/console/privacy?handler=Erase", new() { ["customer"] = value, ["confirm"] = "ERASE" });
        var (_, page) = await console.GetAsync(erase.Headers.Location!.ToString());

        Assert.Contains("Nothing erased", page);
    }
}
