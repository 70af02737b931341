using LiteDB;
using SmbBot.Bot.DirectLine;
using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.CustomerMail;

/// <summary>The e-mail leg on a real LiteDB file: the ticket's side, the outbox's, the processed e-mails, and chat presence.</summary>
public class CustomerMailStoreTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _db;
    private readonly List<string> _alerts = [];
    private readonly TicketDesk _desk;

    public CustomerMailStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder.Path, "m.db")) { UtcDate = true };
        var options = EscalationOptionsTests.Valid();
        _desk = new TicketDesk(new LiteDbTicketStore(_db), new TicketRouting(options, BusinessCalendar.From(options)), new CsvCustomerDirectory([]), options,
            new FakeClock(Now), new Alerts(_alerts));
    }

    private Ticket Open()
    {
        var conversation = new ConversationRecord { Id = Guid.NewGuid().ToString("N") };
        conversation.Append(new TranscriptEntry { At = Now, From = Speaker.Customer, Text = "a person please" });
        return _desk.Open(conversation, EscalationReason.AskedForPerson, new TurnDecision(Route.Escalate, new IntentPrediction(Intents.Human, 0.9f), null, [], [], "test"));
    }

    [Fact]
    public void An_emailed_answer_lands_once_reopens_a_resolved_ticket_and_tells_its_owner()
    {
        var ticket = Open();
        _desk.Claim(ticket.Id, "s1", "Sam");
        _desk.SetStatus(ticket.Id, TicketStatus.Resolved, "Sam");

        var (after, added) = _desk.AddCustomerEmail(ticket.Id, "abc@mail.example.net", "It still leaks.", "It still leaks.\n> old");
        var (again, addedAgain) = _desk.AddCustomerEmail(ticket.Id, "abc@mail.example.net", "It still leaks.", "It still leaks.\n> old");

        Assert.True(added);
        Assert.False(addedAgain);
        Assert.Equal(TicketStatus.Open, again!.Status);
        Assert.Null(again.ResolvedAt);
        var entry = Assert.Single(again.Transcript, e => e.Via == "email");
        Assert.Equal(("It still leaks.", "It still leaks.\n> old"), (entry.Text, entry.Original));
        Assert.Contains(again.History, h => h.Detail == "by e-mail: It still leaks.");
        Assert.Contains(again.History, h => h.Detail == "resolved -> open: the customer wrote again by e-mail");
        Assert.Single(_alerts, a => a.StartsWith($"{ticket.Number} CustomerMessage", StringComparison.Ordinal));
        Assert.Equal(after!.History.Count, again.History.Count);
    }

    [Fact]
    public void Stop_flags_the_ticket_once_without_an_alert()
    {
        var ticket = Open();
        _desk.Claim(ticket.Id, "s1", "Sam");

        _desk.StopEmails(ticket.Id, "stop@mail.example.net");
        var after = _desk.StopEmails(ticket.Id, "stop@mail.example.net")!;

        Assert.True(after.EmailStopped);
        Assert.Single(after.History, h => h.Detail.Contains("no more e-mails"));
        Assert.DoesNotContain(_alerts, a => a.Contains("CustomerMessage"));
    }

    [Fact]
    public void A_message_not_needed_is_not_due_nor_failing_and_is_found_by_its_message_id()
    {
        var outbox = new LiteDbOutboxStore(_db);
        OutboxMessage Mail(string id) => new()
        {
            Id = id, Channel = OutboxChannel.Email, Kind = "customer:reply", TicketId = 1, To = "ann@example.com", MessageId = $"{id}@example.com",
            CreatedAt = Now, NextAttemptAt = Now,
        };
        outbox.Enqueue([Mail("a"), Mail("b")]);

        outbox.MarkNotNeeded("a", "the customer read the reply in the chat", Now);

        Assert.Equal(["b"], outbox.Due(Now).Select(m => m.Id));
        Assert.Equal(1, outbox.Health().Waiting);
        Assert.Equal("b", outbox.WithMessageId("<b@example.com>")!.Id);
        Assert.Null(outbox.WithMessageId("<c@example.com>"));
        Assert.True(outbox.Get("a")!.ToCustomer);
    }

    [Fact]
    public void Handled_emails_are_remembered_across_a_reopened_store_and_counted_by_outcome()
    {
        new LiteDbMailInboxStore(_db).Record("x@example.net", InboundOutcome.AutoReply, null, Now);
        new LiteDbMailInboxStore(_db).Record("y@example.net", InboundOutcome.OnTicket, 3, Now);

        var reopened = new LiteDbMailInboxStore(_db);

        Assert.Equal(InboundOutcome.AutoReply, reopened.Get("x@example.net")!.Outcome);
        Assert.Equal(1, reopened.Counts()["autoReply"]);
        Assert.Equal(1, reopened.Counts()["onTicket"]);
    }

    [Fact]
    public void A_website_chat_is_present_while_its_stream_is_open_or_it_polled_lately_and_has_shown_what_it_fetched()
    {
        var clock = new FakeClock(Now);
        var presence = new DirectLinePresence(clock, new Core.Mail.MailOptions { CustomerAwaySeconds = 20 });

        Assert.False(presence.IsInChat("directline", "c1"));
        var stream = presence.StreamOpened("c1");
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(presence.IsInChat("directline", "c1"));
        presence.Fetched("c1", 7);
        stream.Dispose();
        Assert.True(presence.IsInChat("directline", "c1"));
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.False(presence.IsInChat("directline", "c1"));
        Assert.True(presence.HasShown("directline", "c1", "c1|0000007"));
        Assert.False(presence.HasShown("directline", "c1", "c1|0000008"));
        Assert.True(presence.IsInChat("msteams", "c2"));
    }

    public void Dispose()
    {
        _db.Dispose();
        _folder.Dispose();
    }

    private sealed class Alerts(List<string> raised) : ITicketAlerts
    {
        public void Raise(Ticket ticket, AlertKind kind, string occasion) => raised.Add($"{ticket.Number} {kind} {occasion}");
    }
}
