using System.ComponentModel.DataAnnotations;
using LiteDB;
using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.Alerts;

/// <summary>The outbox on a real LiteDB file, the desk's alerts, back-off, signatures and the settings' checks.</summary>
public class OutboxTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _db;
    private readonly LiteDbOutboxStore _outbox;

    public OutboxTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder.Path, "o.db")) { UtcDate = true };
        _outbox = new LiteDbOutboxStore(_db);
    }

    private static OutboxMessage Message(string id) => new() { Id = id, Channel = OutboxChannel.Email, TicketId = 1, To = "a@example.com", CreatedAt = Now, NextAttemptAt = Now };

    [Fact]
    public void Queuing_the_same_message_twice_keeps_one_and_a_sent_one_is_not_due_again()
    {
        Assert.Equal(1, _outbox.Enqueue([Message("T-1001/new/h1/email/a@example.com")]));
        Assert.Equal(0, _outbox.Enqueue([Message("T-1001/new/h1/email/a@example.com")]));

        _outbox.MarkSent("T-1001/new/h1/email/a@example.com", Now);
        Assert.Equal(0, _outbox.Enqueue([Message("T-1001/new/h1/email/a@example.com")]));

        Assert.Empty(_outbox.Due(Now.AddDays(1)));
    }

    [Fact]
    public void A_failed_message_waits_for_its_retry_then_is_given_up_and_stays_visible()
    {
        _outbox.Enqueue([Message("m")]);

        _outbox.MarkFailed("m", "cannot reach the SMTP server", Now, TimeSpan.FromSeconds(30), maxAttempts: 2);
        Assert.Empty(_outbox.Due(Now.AddSeconds(29)));
        Assert.Single(_outbox.Due(Now.AddSeconds(30)));
        Assert.Equal(new OutboxHealth(1, 1, 0, "cannot reach the SMTP server", Now), _outbox.Health());

        _outbox.MarkFailed("m", "still down", Now.AddSeconds(30), TimeSpan.FromSeconds(60), maxAttempts: 2);
        Assert.Empty(_outbox.Due(Now.AddDays(1)));
        Assert.True(Assert.Single(_outbox.FailingFor(1)).GaveUp);
        Assert.Equal(new OutboxHealth(0, 1, 1, "still down", Now.AddSeconds(30)), _outbox.Health());
    }

    [Fact]
    public void A_customers_data_request_finds_and_erases_the_alerts_about_their_conversations_only()
    {
        var theirs = Message("T-1001/new/h1/email/a@example.com");
        theirs.ConversationId = "conv-dana";
        var others = Message("T-1002/new/h1/email/a@example.com");
        others.ConversationId = "conv-other";
        _outbox.Enqueue([theirs, others]);
        var (subject, _) = PersonalDataSubject.From("dana@example.org");
        subject!.ConversationIds.Add("conv-dana");
        var holder = new OutboxPersonalData(_outbox);

        Assert.Equal(1, holder.Export(subject).Count);
        Assert.Equal(1, holder.Erase(subject));

        Assert.Null(_outbox.Get(theirs.Id));
        Assert.NotNull(_outbox.Get(others.Id));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(4, 240)]
    [InlineData(20, 3600)]
    public void Retries_wait_twice_as_long_each_time_up_to_the_longest(int attempts, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetrySchedule.After(attempts, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1)));

    [Fact]
    public void A_webhook_signature_verifies_with_the_secret_only_and_only_while_fresh()
    {
        var at = new DateTimeOffset(Now);
        var signature = WebhookSignature.Sign("0123456789abcdef", at.ToUnixTimeSeconds(), "{\"text\":\"hi\"}");

        Assert.Matches("^sha256=[0-9a-f]{64}$", signature);
        Assert.True(WebhookSignature.Verify("0123456789abcdef", $"{at.ToUnixTimeSeconds()}", "{\"text\":\"hi\"}", signature, at.AddMinutes(1), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("another-secret-000", $"{at.ToUnixTimeSeconds()}", "{\"text\":\"hi\"}", signature, at, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("0123456789abcdef", $"{at.ToUnixTimeSeconds()}", "{\"text\":\"hi!\"}", signature, at, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify("0123456789abcdef", $"{at.ToUnixTimeSeconds()}", "{\"text\":\"hi\"}", signature, at.AddMinutes(10), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void The_desk_reports_new_urgent_and_raised_tickets_and_customer_messages_on_taken_open_tickets_once_each()
    {
        var alerts = new RecordedAlerts();
        var options = EscalationOptionsTests.Valid();
        var desk = new TicketDesk(new LiteDbTicketStore(_db), new TicketRouting(options, BusinessCalendar.From(options)), new CsvCustomerDirectory([]), options, new FakeClock(Now), alerts);
        var conversation = new ConversationRecord { Id = "c1" };
        conversation.Append(new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "a person please" });
        TurnDecision Decision(string intent) => new(Route.Escalate, new IntentPrediction(intent, 0.9f), null, [], [], "test");

        var normal = desk.Open(conversation, EscalationReason.AskedForPerson, Decision(Intents.Human));
        var other = new ConversationRecord { Id = "c2" };
        other.Append(new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "there is smoke" });
        var urgent = desk.Open(other, EscalationReason.UrgentSafety, Decision(Intents.Urgent));
        desk.AddMessage(normal.Id, new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "nobody has taken it yet" });
        desk.Claim(normal.Id, "s", "Sam");
        desk.AddMessage(normal.Id, new TranscriptEntry { At = Now, From = Speaker.Bot, Text = "the bot's own words" });
        desk.AddMessage(normal.Id, new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "any news?" });
        desk.RaiseToUrgent(normal.Id);
        desk.RaiseToUrgent(normal.Id);
        desk.SetStatus(normal.Id, TicketStatus.Resolved, "Sam");
        desk.AddMessage(normal.Id, new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "5" });

        Assert.Equal(["T-1001 NewTicket h1", "T-1002 Urgent h1", "T-1001 CustomerMessage h4", "T-1001 Urgent h5"], alerts.Raised);
    }

    [Theory]
    [InlineData("Mail:Smtp:Port", "70000", "Mail:Smtp:Port 70000 is not a port")]
    [InlineData("Mail:Smtp:Security", "Tls", "Mail:Smtp:Security 'Tls' must be None, StartTls or SslOnConnect")]
    [InlineData("Mail:From", "the shop", "Mail:From 'the shop' is not an e-mail address")]
    [InlineData("Mail:From", "", "Mail:From is required when Mail:Smtp:Host is set")]
    [InlineData("Mail:Smtp:Password", "", "Mail:Smtp:UserName and Mail:Smtp:Password go together")]
    public void Bad_mail_settings_are_named_in_the_message(string setting, string value, string expected)
    {
        var mail = new MailOptions { From = "Harbour & Pine <help@example.com>", Smtp = { Host = "smtp.example.com", UserName = "help@example.com", Password = "app-password-1" } };
        switch (setting)
        {
            case "Mail:Smtp:Port": mail.Smtp.Port = int.Parse(value); break;
            case "Mail:Smtp:Security": mail.Smtp.Security = value; break;
            case "Mail:From": mail.From = value; break;
            default: mail.Smtp.Password = value; break;
        }

        var problems = mail.Validate(new ValidationContext(mail)).Select(r => r.ErrorMessage!).ToArray();

        Assert.Contains(problems, p => p.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.Contains("app-password-1"));
    }

    [Fact]
    public void Good_mail_settings_pass_and_give_the_usual_port_and_the_sender()
    {
        var mail = new MailOptions { From = "Harbour & Pine <help@example.com>", Smtp = { Host = "smtp.example.com", Security = "sslonconnect" } };

        Assert.Empty(mail.Validate(new ValidationContext(mail)));
        Assert.Equal((465, "Harbour & Pine", "help@example.com"), (mail.Smtp.PortInUse, mail.FromName, mail.FromAddress));
        Assert.False(new MailOptions().IsConfigured);
        Assert.Empty(new MailOptions().Validate(new ValidationContext(new MailOptions())));
    }

    [Theory]
    [InlineData("to", "Alerts:Email:To 'desk' is not an e-mail address")]
    [InlineData("secret", "Alerts:Webhook:Secret must have at least 16 characters")]
    [InlineData("url", "Alerts:Webhook:Url must be an absolute http(s) address")]
    [InlineData("console", "Alerts:ConsoleUrl 'support.example.com' must be an absolute http(s) address")]
    [InlineData("shares", "Alerts:AdminsAt (0.3) must not be below Alerts:RealertAt (0.5)")]
    public void Bad_alert_settings_are_named_in_the_message(string what, string expected)
    {
        var alerts = new AlertOptions { Email = { To = ["desk@example.com"] }, Webhook = { Url = "https://hooks.example.com/x", Secret = "0123456789abcdef" } };
        switch (what)
        {
            case "to": alerts.Email.To.Add("desk"); break;
            case "secret": alerts.Webhook.Secret = "short"; break;
            case "url": alerts.Webhook.Url = "ftp://hooks.example.com"; break;
            case "console": alerts.ConsoleUrl = "support.example.com"; break;
            default: alerts.AdminsAt = 0.3; break;
        }

        var problems = alerts.Validate(new ValidationContext(alerts)).Select(r => r.ErrorMessage!).ToArray();

        Assert.StartsWith(expected, Assert.Single(problems), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _db.Dispose();
        _folder.Dispose();
    }

    private sealed class RecordedAlerts : ITicketAlerts
    {
        public List<string> Raised { get; } = [];

        public void Raise(Ticket ticket, AlertKind kind, string occasion) => Raised.Add($"{ticket.Number} {kind} {occasion}");
    }
}
