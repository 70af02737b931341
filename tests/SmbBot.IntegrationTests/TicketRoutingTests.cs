using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmbBot.Core.Conversations;
using SmbBot.Core.Routing;
using SmbBot.Core.Staff;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The sample host with a copy of the knowledge folder holding routing rules, a real SMTP server, a shared alert inbox,
/// an admin, a Complaints team of two agents and a Billing team of one who chose every new ticket on My alerts.
/// </summary>
public sealed class RoutingHost : IAsyncLifetime
{
    public const string Cara = "cara@harbourandpine.example.com";
    public const string Dan = "dan@harbourandpine.example.com";
    public const string Bill = "bill@harbourandpine.example.com";
    public const string Password = "routing-password-1";

    public const string Rules = """
        { "rules": [
          { "name": "Gold complaints", "when": { "category": "complaints", "tier": "gold" }, "then": { "team": "Complaints", "tag": "vip" } },
          { "name": "Billing", "when": { "keywords": ["charged twice", "invoice"] }, "then": { "team": "Billing" } }
        ] }
        """;

    private readonly string _knowledge = RepoPaths.NewTempFolder();

    public SmtpTestServer Smtp { get; } = new();
    public BotHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        RepoPaths.Copy(RepoPaths.Knowledge, _knowledge);
        File.WriteAllText(Path.Combine(_knowledge, RoutingRulesFile.FileName), Rules);
        await Smtp.StartAsync();
        var settings = AlertsHost.Settings(Smtp.Port, webhook: null);
        settings["Alerts:Webhook:Secret"] = null;
        Host = new BotHost(_knowledge, settings);
        var staff = Host.Services.GetRequiredService<StaffStore>();
        var ids = new[] { Cara, Dan, Bill }.Select(e => staff.Add(e, e.Split('@')[0], StaffRoles.Agent, Password).Account!.Id).ToArray();
        staff.SetAlerts(ids[2], new() { NewTicket = true });
        var teams = Host.Services.GetRequiredService<ITeamStore>();
        teams.Save(null, "Complaints", [ids[0], ids[1]], AutoAssign.Off);
        teams.Save(null, "Billing", [ids[2]], AutoAssign.RoundRobin);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Smtp.Dispose();
        RepoPaths.DeleteFolder(_knowledge);
    }
}

public class TicketRoutingTests(RoutingHost fixture) : IClassFixture<RoutingHost>
{
    private BotHost Host => fixture.Host;

    /// <summary>
    /// A ticket for a customer the website vouched for (CRM id known from the start), opened by the host's own ticket
    /// desk as the website channel does; the Direct Line channel needs a real socket to answer, this in-process host has none.
    /// </summary>
    private Ticket VouchedCustomerTicket(string crmId, string text)
    {
        var conversation = new ConversationRecord { Id = Guid.NewGuid().ToString("N"), ChannelId = "directline", UserId = $"crm:{crmId}", CustomerId = crmId };
        conversation.Append(new TranscriptEntry { At = DateTime.UtcNow, From = Speaker.Customer, Text = text });
        var decision = new TurnDecision(Route.Escalate, new IntentPrediction(Intents.Complaint, 0.9f), null, [], [], "test");
        return Host.Services.GetRequiredService<TicketDesk>().Open(conversation, EscalationReason.Complaint, decision);
    }

    /// <summary>A chat on the Emulator channel; returns the ticket it opened.</summary>
    private async Task<Ticket> ChatTicket(string text)
    {
        var replies = await Activities.AskAsync(Host.CreateClient(), text, Guid.NewGuid().ToString("N"));
        var number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
        return Host.Services.GetRequiredService<ITicketStore>().Get(number)!;
    }

    private static Func<MimeMessage, bool> About(string number) => m => (m.Subject ?? "").StartsWith($"[{number}]", StringComparison.Ordinal);

    [Fact]
    public async Task A_complaint_from_a_gold_customer_lands_with_the_complaints_team_and_alerts_only_them()
    {
        var ticket = VouchedCustomerTicket("C-1002", "I want to complain, your staff were rude to me");

        Assert.Equal(("C-1002", "gold", "complaints"), (ticket.Customer?.Id, ticket.Customer?.Tier, ticket.Category));
        ticket = Host.Services.GetRequiredService<ITicketStore>().Get(ticket.Id)!;
        Assert.Equal(("Complaints", "Gold complaints", null), (ticket.TeamName, ticket.RoutedBy, ticket.AssignedToId));
        Assert.Equal("rule 'Gold complaints': category is complaints, customer tier is gold", ticket.RoutingWhy);
        Assert.Equal(["vip"], ticket.Tags);
        await fixture.Smtp.WaitForAsync(About(ticket.Number), count: 2);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the outbox's next rounds: nothing more may come
        var to = fixture.Smtp.Messages().Where(About(ticket.Number)).SelectMany(m => m.To.Mailboxes.Select(b => b.Address)).Order().ToArray();
        Assert.Equal([RoutingHost.Cara, RoutingHost.Dan], to);

        var console = new ConsoleClient(Host);
        await console.SignInAsync(AlertsHost.Admin, AlertsHost.AdminPassword);
        var (status, page) = await console.GetAsync($"/console/tickets/{ticket.Number}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("rule &#x27;Gold complaints&#x27;: category is complaints, customer tier is gold", page);
    }

    [Fact]
    public async Task A_billing_question_goes_to_the_billing_team_member_on_duty_and_shows_in_his_queue_tabs()
    {
        var ticket = await ChatTicket("I was charged twice for my order");

        Assert.Equal(("Billing", "bill", "Billing"), (ticket.TeamName, ticket.AssignedToName, ticket.RoutedBy));
        var mail = Assert.Single(await fixture.Smtp.WaitForAsync(About(ticket.Number)));
        Assert.Equal(RoutingHost.Bill, mail.To.Mailboxes.Single().Address);

        var bill = new ConsoleClient(Host);
        await bill.SignInAsync(RoutingHost.Bill, RoutingHost.Password);
        var (_, mine) = await bill.GetAsync("/console?view=mine");
        Assert.Contains($"data-ticket=\"{ticket.Number}\"", mine);
        Assert.Contains("data-view=\"mine\">My tickets <span class=\"tab-count\">1</span>", mine);
        Assert.DoesNotContain("data-view=\"all\"", mine); // not an admin
        var cara = new ConsoleClient(Host);
        await cara.SignInAsync(RoutingHost.Cara, RoutingHost.Password);
        var (_, teams) = await cara.GetAsync("/console?view=teams");
        Assert.DoesNotContain($"data-ticket=\"{ticket.Number}\"", teams); // another team's ticket
        var (_, forbidden) = await cara.GetAsync("/console/routing");
        Assert.DoesNotContain("Routing rules", forbidden);
    }
}
