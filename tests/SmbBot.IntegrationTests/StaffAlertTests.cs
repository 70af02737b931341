using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmbBot.Core.Outbox;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The sample host with a real SMTP server and a webhook receiver on loopback, a shared alert inbox, an admin, and a
/// reply time of 6 seconds for normal tickets so the unclaimed alerts come within the test.
/// </summary>
public sealed class AlertsHost : IAsyncLifetime
{
    public const string Desk = "desk@harbourandpine.example.com";
    public const string Admin = "owner@harbourandpine.example.com";
    public const string AdminPassword = "harbour-and-pine-42";
    public const string Secret = "webhook-secret-0123456789";

    public SmtpTestServer Smtp { get; } = new();
    public WebhookReceiver Webhook { get; } = new();
    public BotHost Host { get; }

    public AlertsHost() => Host = new BotHost(settings: Settings(Smtp.Port, Webhook.Url));

    public static Dictionary<string, string?> Settings(int smtpPort, string? webhook) => new()
    {
        ["Tickets:ReadApi:Enabled"] = "true",
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = $"{smtpPort}",
        ["Mail:Smtp:Security"] = "None",
        ["Mail:From"] = "Harbour & Pine <help@harbourandpine.example.com>",
        ["Alerts:Email:To:0"] = Desk,
        ["Alerts:Webhook:Url"] = webhook,
        ["Alerts:Webhook:Secret"] = Secret,
        ["Alerts:ConsoleUrl"] = "https://support.harbourandpine.example.com",
        ["Alerts:CheckSeconds"] = "1",
        ["Alerts:RetrySeconds"] = "1",
        ["Alerts:MaxRetrySeconds"] = "2",
        ["Escalation:Targets:normal:FirstResponse"] = "00:00:06",
        ["Escalation:Targets:normal:BusinessHoursOnly"] = "false",
        ["Staff:BootstrapAdmin:Email"] = Admin,
        ["Staff:BootstrapAdmin:Password"] = AdminPassword,
    };

    public Task InitializeAsync() => Smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Smtp.Dispose();
        Webhook.Dispose();
    }
}

public class StaffAlertTests(AlertsHost fixture) : IClassFixture<AlertsHost>
{
    private BotHost Host => fixture.Host;

    private async Task<string> OpenTicket(string conversation, params string[] said)
    {
        JsonArray replies = [];
        foreach (var text in said) replies = await Activities.AskAsync(Host.CreateClient(), text, conversation);
        return (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
    }

    private static Func<MimeMessage, bool> To(string address, string subjectStart) =>
        m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal);

    [Fact]
    public async Task A_new_ticket_alerts_the_desk_by_email_and_a_signed_webhook_without_the_conversation()
    {
        var number = await OpenTicket(Guid.NewGuid().ToString("N"), "how much do you charge for postage to PO1 3AX", "I want to talk to a real person");

        var mail = Assert.Single(await fixture.Smtp.WaitForAsync(To(AlertsHost.Desk, $"[{number}] New normal ticket")));
        var post = await fixture.Webhook.WaitForAsync(p => p.Body.Contains($"\"ticket\":\"{number}\"") && p.Body.Contains("new-ticket"));

        Assert.Equal("help@harbourandpine.example.com", mail.From.Mailboxes.Single().Address);
        Assert.Contains($"https://support.harbourandpine.example.com/console/tickets/{number}", mail.TextBody);
        Assert.Contains("\"I want to talk to a real person\"", mail.TextBody);
        Assert.Equal("auto-generated", mail.Headers["Auto-Submitted"]);
        Assert.True(WebhookSignature.Verify(AlertsHost.Secret, post.Timestamp!, post.Body, post.Signature!, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", post.Timestamp!, post.Body, post.Signature!, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        Assert.StartsWith("application/json", post.ContentType);
        Assert.Equal($"{number}/new-ticket/h1/webhook", post.Delivery);
        var json = JsonNode.Parse(post.Body)!;
        Assert.Contains(number, (string?)json["text"]);
        Assert.Equal("normal", (string?)json["priority"]);
        foreach (var text in new[] { mail.TextBody, post.Body })
        {
            Assert.DoesNotContain("PO1 3AX", text);
        }
    }

    [Fact]
    public async Task An_urgent_ticket_alerts_at_once_and_always_the_admins()
    {
        var number = await OpenTicket(Guid.NewGuid().ToString("N"), "the camping stove I bought caught fire");

        await fixture.Smtp.WaitForAsync(To(AlertsHost.Desk, $"[{number}] URGENT ticket"));
        await fixture.Smtp.WaitForAsync(To(AlertsHost.Admin, $"[{number}] URGENT ticket"));
        var post = await fixture.Webhook.WaitForAsync(p => p.Body.Contains($"\"ticket\":\"{number}\""));
        Assert.Equal("urgent", (string?)JsonNode.Parse(post.Body)!["kind"]);
    }

    [Fact]
    public async Task A_ticket_nobody_takes_is_alerted_again_then_to_the_admins_once_each_and_a_taken_one_hears_only_of_the_customer()
    {
        var console = new ConsoleClient(Host);
        await console.SignInAsync(AlertsHost.Admin, AlertsHost.AdminPassword);
        var waiting = await OpenTicket(Guid.NewGuid().ToString("N"), "I need to speak to a person please");
        var takenConversation = Guid.NewGuid().ToString("N");
        var taken = await OpenTicket(takenConversation, "can a human help me with my order");
        var page = $"/console/tickets/{taken}";
        await console.PostFormAsync(page, page + "?handler=Claim", []);
        await Activities.AskAsync(Host.CreateClient(), "it is the green tent I ordered last week", takenConversation);

        await fixture.Smtp.WaitForAsync(To(AlertsHost.Desk, $"[{waiting}] Nobody has taken this normal ticket yet"));
        await fixture.Smtp.WaitForAsync(To(AlertsHost.Admin, $"[{waiting}] Reply due and nobody has taken this ticket"));
        var news = Assert.Single(await fixture.Smtp.WaitForAsync(To(AlertsHost.Admin, $"[{taken}] The customer wrote again")));
        Assert.Contains("\"it is the green tent I ordered last week\"", news.TextBody);
        await Task.Delay(TimeSpan.FromSeconds(4)); // several more checks of the unclaimed tickets

        var messages = fixture.Smtp.Messages();
        Assert.DoesNotContain(messages, m => m.Subject!.StartsWith($"[{taken}] Nobody", StringComparison.Ordinal) || m.Subject!.StartsWith($"[{taken}] Reply due", StringComparison.Ordinal));
        var ofWaiting = messages.Where(m => m.Subject!.StartsWith($"[{waiting}]", StringComparison.Ordinal)).Select(m => $"{m.To} {m.Subject}").ToArray();
        Assert.Equal(ofWaiting.Distinct().Count(), ofWaiting.Length);
        Assert.Equal(3, ofWaiting.Count(m => m.StartsWith(AlertsHost.Desk) || m.StartsWith(AlertsHost.Admin))); // new ticket and nobody has taken it (desk), reply due (admin)
    }

    [Fact]
    public async Task A_staff_member_who_chooses_every_new_ticket_on_my_alerts_gets_them_at_their_own_address()
    {
        var agent = $"alex.{Guid.NewGuid():N}@harbourandpine.example.com";
        Assert.NotNull(Host.Services.GetRequiredService<StaffStore>().Add(agent, "Alex", StaffRoles.Agent, "agent-password-1").Account);
        var console = new ConsoleClient(Host);
        await console.SignInAsync(agent, "agent-password-1");
        await console.PostFormAsync("/console/alerts", "/console/alerts", new() { ["NewTicket"] = "true" });
        var (_, page) = await console.GetAsync("/console/alerts");
        Assert.Contains(agent, page);

        var number = await OpenTicket(Guid.NewGuid().ToString("N"), "could someone from the shop call me back");

        await fixture.Smtp.WaitForAsync(To(agent, $"[{number}] New"));
        var choices = Host.Services.GetRequiredService<StaffStore>().All().Single(a => a.Email == agent).Alerts!;
        Assert.Equal((true, false, false, false), (choices.NewTicket, choices.Urgent, choices.Unclaimed, choices.CustomerMessage));
    }

    [Fact]
    public async Task Ready_reports_the_outbox_with_nothing_failing()
    {
        var ready = await Host.CreateClient().GetFromJsonAsync<JsonObject>("/health/ready");

        Assert.Equal(0, (int)ready!["outbox"]!["failing"]!);
        Assert.Null(ready["outbox"]!["lastError"]);
    }
}
