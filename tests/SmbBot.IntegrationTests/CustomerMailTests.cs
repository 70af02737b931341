using System.Text.Json.Nodes;
using System.Net.Http.Json;
using MailKit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmbBot.Core.Conversations;
using SmbBot.Core.Outbox;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The sample host in-process with a real SMTP server (aiosmtpd) and a real IMAP mailbox (Dovecot) on loopback.
/// Tickets here come over the Bot Framework endpoint, whose chat cannot be reached later: every staff reply is e-mailed.
/// </summary>
public sealed class EmailLegHost : IAsyncLifetime
{
    public const string Business = "Harbour & Pine Outdoor";
    public const string Support = "help@harbourandpine.example.com";

    public SmtpTestServer Smtp { get; } = new();
    public ImapTestServer Imap { get; } = new();
    public BotHost Host { get; }

    public EmailLegHost()
    {
        var settings = AlertsHost.Settings(Smtp.Port, webhook: null);
        foreach (var (k, v) in Imap.Settings()) settings[k] = v;
        settings["Staff:BootstrapAdmin:DisplayName"] = "Sam";
        settings.Remove("Escalation:Targets:normal:FirstResponse");
        Host = new BotHost(settings: settings);
    }

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        await Imap.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Smtp.Dispose();
        Imap.Dispose();
    }
}

public class CustomerMailTests(EmailLegHost fixture) : IClassFixture<EmailLegHost>
{
    private BotHost Host => fixture.Host;

    private Ticket Ticket(string number) => Host.Services.GetRequiredService<ITicketStore>().Get(number)!;

    private async Task<ConsoleClient> Staff()
    {
        var console = new ConsoleClient(Host);
        await console.SignInAsync(AlertsHost.Admin, AlertsHost.AdminPassword);
        return console;
    }

    private static async Task Reply(ConsoleClient staff, string number, string text)
    {
        var page = $"/console/tickets/{number}";
        await staff.PostFormAsync(page, page + "?handler=Reply", new() { ["text"] = text });
    }

    /// <summary>A ticket opened over the Bot Framework endpoint (no chat to reach later), with an address.</summary>
    private async Task<string> MessagesTicket(string email, string first = "I want to talk to a real person")
    {
        var conversation = Guid.NewGuid().ToString("N");
        var replies = await Activities.AskAsync(Host.CreateClient(), first, conversation);
        await Activities.AskAsync(Host.CreateClient(), email, conversation);
        return (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
    }

    public static MimeMessage Answer(string from, string subject, string text, MimeMessage? to = null, Action<MimeMessage>? change = null)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(EmailLegHost.Support));
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mail.example.net");
        if (to is not null)
        {
            message.InReplyTo = to.MessageId;
            message.References.Add(to.MessageId!);
        }
        change?.Invoke(message);
        return message;
    }

    private async Task<Ticket> WaitForTicket(string number, Func<Ticket, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var ticket = Ticket(number);
            if (condition(ticket)) return ticket;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{number} did not change as expected");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Auto_replies_bounces_our_own_messages_and_a_stranger_guessing_the_number_are_refused_and_counted()
    {
        var email = $"cy.{Guid.NewGuid():N}@example.com";
        var number = await MessagesTicket(email);
        var staff = await Staff();
        var page = $"/console/tickets/{number}";
        await staff.PostFormAsync(page, page + "?handler=Claim", []);
        await Reply(staff, number, "We have ordered the part.");
        var sent = Assert.Single(await fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)));
        var before = Ticket(number).Transcript.Count;
        var alertsBefore = fixture.Smtp.Messages().Count(m => m.Subject!.StartsWith($"[{number}] The customer wrote again", StringComparison.Ordinal));
        var counts = Handled(await Ready());

        var refused = new[]
        {
            Answer(email, "Automatic reply: " + sent.Subject, "I am out of the office.", sent, m => m.Headers.Add("Auto-Submitted", "auto-replied")),
            Answer(email, "Re: " + sent.Subject, "Away until Monday.", sent, m => m.Headers.Add("X-Autoreply", "yes")),
            Answer(email, "Re: " + sent.Subject, "list mail", sent, m => m.Headers.Add("Precedence", "bulk")),
            Answer("MAILER-DAEMON@mx.example.net", "Undelivered Mail Returned to Sender", "could not deliver", sent),
            Answer(EmailLegHost.Support, "Re: " + sent.Subject, "our own message came back", sent),
            Answer("stranger@example.net", $"Re: [{number}] Reply from {EmailLegHost.Business}", "Let me in on this ticket."),
        };
        foreach (var message in refused) await fixture.Imap.DeliverAsync(message);
        await fixture.Imap.WaitAllSeenAsync((await fixture.Imap.InboxAsync()).Count);
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(before, Ticket(number).Transcript.Count);
        Assert.Equal(alertsBefore, fixture.Smtp.Messages().Count(m => m.Subject!.StartsWith($"[{number}] The customer wrote again", StringComparison.Ordinal)));
        Assert.Single(fixture.Smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == email)); // nothing answered
        var after = Handled(await Ready());
        Assert.Equal(3, after.GetValueOrDefault("autoReply") - counts.GetValueOrDefault("autoReply"));
        Assert.Equal(1, after.GetValueOrDefault("bounce") - counts.GetValueOrDefault("bounce"));
        Assert.Equal(1, after.GetValueOrDefault("ownMessage") - counts.GetValueOrDefault("ownMessage"));
        Assert.Equal(1, after.GetValueOrDefault("noTicket") - counts.GetValueOrDefault("noTicket"));
        var stranger = (await fixture.Imap.InboxAsync()).Single(m => m.MessageId == refused[^1].MessageId);
        Assert.True(stranger.Flags.HasFlag(MessageFlags.Flagged), "an e-mail that matches no ticket is flagged for a person");
    }

    [Fact]
    public async Task A_customer_who_wrote_in_Spanish_gets_the_email_framed_in_Spanish_and_writing_stop_ends_the_emails()
    {
        var email = $"dee.{Guid.NewGuid():N}@example.com";
        var number = await MessagesTicket(email, "¿Cuánto cuesta el envío a Valencia?");
        var staff = await Staff();
        await Reply(staff, number, "¿Podría enviarnos una foto del daño?");
        var sent = Assert.Single(await fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)));
        Assert.Equal($"[{number}] Respuesta de {EmailLegHost.Business}", sent.Subject);
        Assert.StartsWith($"Sam, de {EmailLegHost.Business}, escribió:\n\n¿Podría enviarnos una foto del daño?", Text(sent));
        Assert.Contains($"Escriba solo \"stop\" para no recibir más correos", Text(sent));
        Assert.Contains(" Usted:\n¿Cuánto cuesta el envío a Valencia?", Text(sent));
        Assert.Matches(@"\n\d{4}-\d\d-\d\d \d\d:\d\d Asistente de ", Text(sent));

        // The number in the subject and the ticket's own customer: matched without the Message-ID too.
        await fixture.Imap.DeliverAsync(Answer(email.ToUpperInvariant(), $"Re: [{number}] photo", "STOP"));
        await WaitForTicket(number, t => t.EmailStopped);
        await Reply(staff, number, "Thanks, we will refund you.");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Single(fixture.Smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == email));
        var ticket = Ticket(number);
        Assert.DoesNotContain(ticket.Transcript, e => e.Via == "email");
        Assert.Contains(ticket.History, h => h.Detail == "not e-mailed: the customer asked for no more e-mails");
        var (_, html) = await staff.GetAsync($"/console/tickets/{number}");
        Assert.Contains("asked for no more e-mails", html);
    }

    [Fact]
    public async Task No_more_than_the_hourly_cap_of_emails_goes_to_a_customer()
    {
        var email = $"eve.{Guid.NewGuid():N}@example.com";
        var number = await MessagesTicket(email);
        var staff = await Staff();

        for (int i = 1; i <= 7; i++) await Reply(staff, number, $"Update number {i}.");

        await fixture.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email), count: 5);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, fixture.Smtp.Messages().Count(m => m.To.Mailboxes.Any(b => b.Address == email)));
        Assert.Equal(2, Ticket(number).History.Count(h => h.Detail.StartsWith("not e-mailed: 5 e-mails", StringComparison.Ordinal)));
    }

    private static string Text(MimeMessage message) => (message.TextBody ?? "").Replace("\r\n", "\n");

    private async Task<JsonObject> Ready() => (await Host.CreateClient().GetFromJsonAsync<JsonObject>("/health/ready"))!;

    private static Dictionary<string, int> Handled(JsonObject ready) =>
        ready["mailbox"]!["handled"]!.AsObject().ToDictionary(p => p.Key, p => (int)p.Value!);
}
