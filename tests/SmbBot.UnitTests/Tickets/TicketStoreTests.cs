using LiteDB;
using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Tickets;

/// <summary>The ticket queue and desk on a real LiteDB file.</summary>
public class TicketStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _db;
    private readonly ITicketStore _store;
    private readonly FakeClock _clock = new(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
    private static readonly CustomerProfile Ann = new("C-1", "Ann Lee", "ann@example.com", "", "", "gold", 10m, 1, null, "");

    public TicketStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder.Path, "t.db")) { UtcDate = true };
        _store = new LiteDbTicketStore(_db);
    }

    private TicketDesk Desk(int maxTranscript = 200, bool tiers = false)
    {
        var options = EscalationOptionsTests.Valid();
        options.MaxTranscriptEntries = maxTranscript;
        if (tiers) options.Tiers["gold"] = new TierRule { RaisePriority = 1 };
        return new TicketDesk(_store, new TicketRouting(options, BusinessCalendar.From(options)), new CsvCustomerDirectory([Ann]), options, _clock, NoTicketAlerts.Instance);
    }

    private static TurnDecision Decision(string intent) => new(Route.Escalate, new IntentPrediction(intent, 0.93f), null, [], [], "test");

    private static ConversationRecord Conversation(string id, params string[] said)
    {
        var c = new ConversationRecord { Id = id, ChannelId = "emulator", UserId = "u", Reference = "{\"conversation\":{\"id\":\"" + id + "\"}}" };
        foreach (var s in said) c.Append(new TranscriptEntry { At = DateTime.UtcNow, From = Speaker.Customer, Text = s });
        c.Offered.Add(new OfferedFaq { FaqId = "returns", Question = "Returns?", Score = 0.6, How = "offered" });
        return c;
    }

    [Fact]
    public void Opening_a_ticket_keeps_the_whole_handoff_packet()
    {
        var ticket = Desk().Open(Conversation("c1", "where is my order", "this is unacceptable, it is late again"), EscalationReason.Complaint, Decision(Intents.Complaint));

        var stored = _store.Get(ticket.Number)!;
        Assert.Equal("T-1001", stored.Number);
        Assert.Equal((TicketStatus.New, TicketPriority.High, "complaints"), (stored.Status, stored.Priority, stored.Category));
        Assert.Equal(("complaint", 0.93), (stored.Intent, stored.IntentConfidence));
        Assert.Equal(["where is my order", "this is unacceptable, it is late again"], stored.Transcript.Select(e => e.Text));
        Assert.Equal("returns", Assert.Single(stored.FaqOffered).FaqId);
        Assert.Equal("angry", stored.Signal.Tone);
        Assert.Contains("unacceptable", stored.Signal.Cues);
        Assert.Contains("c1", stored.ConversationReference);
        Assert.Equal(new DateTime(2026, 11, 25, 11, 0, 0, DateTimeKind.Utc), stored.FirstResponseDue);
        Assert.Equal("created", Assert.Single(stored.History).Kind);
    }

    [Fact]
    public void A_conversation_whose_record_lost_its_open_ticket_gets_that_ticket_again_with_the_new_message_not_a_second_one()
    {
        var desk = Desk();
        // The ticket was written, then the host died before the conversation record (which names its ticket) was saved.
        var lost = desk.Open(Conversation("c1", "I want to talk to a person"), EscalationReason.AskedForPerson, Decision(Intents.Human));

        var again = desk.Open(Conversation("c1", "I want to talk to a person", "it is about my last order"), EscalationReason.AccountRequest, Decision(Intents.Account));

        Assert.Equal(lost.Number, again.Number);
        Assert.Equal(1, _store.Count());
        Assert.Equal(["I want to talk to a person", "it is about my last order"], _store.Get(lost.Id)!.Transcript.Select(e => e.Text));
        // Once that ticket is closed, the next hand-over opens a new one.
        _store.Change(lost.Id, t => t.Status = TicketStatus.Closed);
        Assert.NotEqual(lost.Number, desk.Open(Conversation("c1", "person please"), EscalationReason.AskedForPerson, Decision(Intents.Human)).Number);
    }

    [Fact]
    public void Fifty_tickets_opened_at_once_get_distinct_increasing_numbers()
    {
        var desk = Desk();

        var numbers = Enumerable.Range(0, 50).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => desk.Open(Conversation($"c{i}", "person please"), EscalationReason.AskedForPerson, Decision(Intents.Human)).Id)
            .ToArray();

        Assert.Equal(50, numbers.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 50), numbers.Order());
        Assert.Equal(50, _store.Count());
    }

    [Fact]
    public void Concurrent_messages_to_one_ticket_are_all_kept()
    {
        var desk = Desk(maxTranscript: 1000);
        var ticket = desk.Open(Conversation("c1", "hi"), EscalationReason.AskedForPerson, Decision(Intents.Human));

        Parallel.For(0, 100, i => desk.AddMessage(ticket.Id, new TranscriptEntry { At = DateTime.UtcNow, From = Speaker.Customer, Text = $"m{i}" }));

        var stored = _store.Get(ticket.Id)!;
        Assert.Equal(101, stored.Transcript.Count);
        Assert.Equal(101, stored.History.Count);
    }

    [Fact]
    public void A_long_transcript_is_capped_keeping_the_start_and_the_end_and_counting_what_was_left_out()
    {
        var desk = Desk(maxTranscript: 20);
        var ticket = desk.Open(Conversation("c1", Enumerable.Range(0, 15).Select(i => $"m{i}").ToArray()), EscalationReason.AskedForPerson, Decision(Intents.Human));

        for (int i = 15; i < 40; i++) desk.AddMessage(ticket.Id, new TranscriptEntry { At = DateTime.UtcNow, From = Speaker.Customer, Text = $"m{i}" });

        var stored = _store.Get(ticket.Id)!;
        Assert.Equal(20, stored.Transcript.Count);
        Assert.Equal(20, stored.TranscriptOmitted);
        Assert.Equal("m0", stored.Transcript[0].Text);
        Assert.Equal("m9", stored.Transcript[9].Text);
        Assert.Equal("m30", stored.Transcript[10].Text);
        Assert.Equal("m39", stored.Transcript[^1].Text);
    }

    [Fact]
    public void An_email_links_the_crm_record_and_earlier_tickets_are_found()
    {
        var desk = Desk();
        var first = desk.Open(Conversation("c1", "hello"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        desk.SetEmail(first.Id, "ann@example.com");
        var second = desk.Open(Conversation("c2", "me again"), EscalationReason.AccountRequest, Decision(Intents.Account));
        var linked = desk.SetEmail(second.Id, "ANN@example.com")!;

        Assert.Equal("C-1", linked.Customer!.Id);
        Assert.Equal("gold", linked.Customer.Tier);
        Assert.Contains(linked.History, e => e.Kind == "customer" && e.Detail.Contains("C-1"));
        Assert.Equal([first.Id], _store.ForCustomer("C-1", "ANN@example.com", second.Id).Select(t => t.Id));
    }

    [Fact]
    public void An_email_given_after_staff_changed_the_priority_keeps_their_priority()
    {
        var desk = Desk(tiers: true);
        var ticket = desk.Open(Conversation("c9", "I need a person"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        desk.SetPriority(ticket.Id, TicketPriority.Low, "Sam");

        var unknown = desk.SetEmail(ticket.Id, "nobody@example.com")!;
        Assert.Equal(TicketPriority.Low, unknown.Priority);
        var known = desk.SetEmail(ticket.Id, "ann@example.com")!;
        Assert.Equal(TicketPriority.Low, known.Priority);
    }

    [Fact]
    public void A_customer_of_a_served_first_tier_found_by_email_raises_the_ticket()
    {
        var desk = Desk(tiers: true);
        var ticket = desk.Open(Conversation("c10", "I need a person"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        Assert.Equal(TicketPriority.Normal, ticket.Priority);

        var raised = desk.SetEmail(ticket.Id, "ann@example.com")!;

        Assert.Equal(TicketPriority.High, raised.Priority);
        Assert.Contains(raised.History, h => h.Kind == "priority" && h.Detail.Contains("CRM tier gold"));
    }

    [Fact]
    public void The_queue_puts_urgent_first_then_by_due_time_and_leaves_out_closed_tickets()
    {
        var desk = Desk();
        var low = desk.Open(Conversation("a", "x"), EscalationReason.NoAnswer, Decision(Intents.Faq));
        _clock.Advance(TimeSpan.FromMinutes(1));
        var normal = desk.Open(Conversation("b", "x"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        var urgent = desk.Open(Conversation("c", "x"), EscalationReason.UrgentSafety, Decision(Intents.Urgent));
        var raised = desk.Open(Conversation("d", "x"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        desk.RaiseToUrgent(raised.Id);
        _store.Change(normal.Id, t => t.Status = TicketStatus.Closed);

        var (open, total) = _store.Queue(new TicketQuery([TicketStatus.New, TicketStatus.Open, TicketStatus.Pending]));

        Assert.Equal([urgent.Number, raised.Number, low.Number], open.Select(t => t.Number));
        Assert.Equal(3, total);
        Assert.Equal([low.Number], _store.Queue(new TicketQuery(Priority: TicketPriority.Low)).Tickets.Select(t => t.Number));
        Assert.Equal([urgent.Number], _store.Queue(new TicketQuery(Category: "safety")).Tickets.Select(t => t.Number));
    }

    [Fact]
    public void The_queue_total_counts_every_matching_ticket_not_the_page()
    {
        var desk = Desk();
        for (int i = 0; i < 7; i++) desk.Open(Conversation($"q{i}", "x"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        var closed = desk.Open(Conversation("q-closed", "x"), EscalationReason.AskedForPerson, Decision(Intents.Human));
        _store.Change(closed.Id, t => t.Status = TicketStatus.Closed);
        TicketStatus[] open = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending];

        var (first, firstTotal) = _store.Queue(new TicketQuery(open, Take: 3));
        var (last, lastTotal) = _store.Queue(new TicketQuery(open, Skip: 6, Take: 3));

        Assert.Equal(3, first.Count);
        Assert.Equal(7, firstTotal);
        Assert.Single(last);
        Assert.Equal(7, lastTotal);
    }

    [Fact]
    public void Idle_conversations_are_forgotten_unless_a_ticket_is_open()
    {
        var store = new LiteDbConversationStore(_db);
        var now = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
        store.Save(new ConversationRecord { Id = "old", UpdatedAt = now.AddDays(-40) });
        store.Save(new ConversationRecord { Id = "old-with-ticket", UpdatedAt = now.AddDays(-40), OpenTicketId = 7 });
        store.Save(new ConversationRecord { Id = "recent", UpdatedAt = now.AddDays(-2) });

        var deleted = store.DeleteIdle(now.AddDays(-30));

        Assert.Equal(1, deleted);
        Assert.Equal(DateTime.MinValue, store.Load("old").UpdatedAt);
        Assert.Equal(7, store.Load("old-with-ticket").OpenTicketId);
        Assert.NotEqual(DateTime.MinValue, store.Load("recent").UpdatedAt);
    }

    public void Dispose()
    {
        _db.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void Retention_deletes_only_resolved_and_closed_tickets_last_changed_before_the_cutoff()
    {
        var cutoff = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        Ticket Add(TicketStatus status, DateTime updated) => _store.Create(new Ticket { Status = status, UpdatedAt = updated, ConversationId = Guid.NewGuid().ToString() });
        var oldClosed = Add(TicketStatus.Closed, cutoff.AddDays(-1));
        var oldResolved = Add(TicketStatus.Resolved, cutoff.AddDays(-30));
        var oldOpen = Add(TicketStatus.Open, cutoff.AddDays(-300));
        var recentClosed = Add(TicketStatus.Closed, cutoff.AddDays(1));

        var deleted = _store.DeleteClosedBefore(cutoff);

        Assert.Equal([oldClosed.Id, oldResolved.Id], deleted.Order());
        Assert.Null(_store.Get(oldClosed.Id));
        Assert.Null(_store.Get(oldResolved.Id));
        Assert.NotNull(_store.Get(oldOpen.Id));
        Assert.NotNull(_store.Get(recentClosed.Id));
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeClock(DateTime utc) : TimeProvider
{
    private DateTimeOffset _now = new(utc);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
