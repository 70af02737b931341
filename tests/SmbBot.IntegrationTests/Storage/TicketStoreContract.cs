using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Privacy;
using SmbBot.Core.Tickets;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every ticket store does, whatever holds it: one suite, run against LiteDB (<see cref="LiteDbTicketStoreTests"/>)
/// and PostgreSQL (<see cref="PostgreSqlTicketStoreTests"/>). Each test gets an empty store.
/// </summary>
public abstract class TicketStoreContract
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);
    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending];

    /// <summary>The store under test; empty.</summary>
    protected abstract ITicketStore Store { get; }

    private static Ticket New(string conversation = "c", TicketStatus status = TicketStatus.New, TicketPriority priority = TicketPriority.Normal,
        int dueMinutes = 60, string? email = null, CustomerProfile? customer = null, string team = "", string? assignee = null, string said = "hello",
        int createdMinutes = 0) => new()
    {
        Status = status, Priority = priority, Category = "general", Reason = EscalationReason.AskedForPerson, Intent = "human", IntentConfidence = 0.75,
        ConversationId = conversation, ChannelId = "webchat", UserId = "u-" + conversation, CustomerEmail = email, Customer = customer,
        ConversationReference = "{\"conversation\":{\"id\":\"" + conversation + "\"}}",
        TeamId = team, AssignedToId = assignee, AssignedToName = assignee is null ? null : "Staff " + assignee,
        Transcript = [new TranscriptEntry { At = Now, From = Speaker.Customer, Text = said }],
        History = [new TicketEvent { At = Now, Kind = "created", Actor = "bot", Detail = "test" }],
        CreatedAt = Now.AddMinutes(createdMinutes), UpdatedAt = Now.AddMinutes(createdMinutes),
        FirstResponseDue = Now.AddMinutes(dueMinutes), ResolutionDue = Now.AddDays(1),
    };

    [Fact]
    public void A_ticket_reads_back_with_its_whole_handoff_packet()
    {
        var customer = new CustomerProfile("C-7", "Ann Lee", "ann@example.com", "+44 1", "Lee Ltd", "gold", 120.5m, 2, new DateOnly(2026, 11, 1), "likes tea", new() { ["plan"] = "pro" });
        var ticket = New("c1", priority: TicketPriority.High, email: "ann@example.com", customer: customer, team: "t-1", said: "where is my order");
        ticket.Signal = new CustomerSignal { Tone = "angry", Urgent = true, Cues = ["unacceptable"] };
        ticket.FaqOffered = [new OfferedFaq { FaqId = "returns", Question = "Returns?", Score = 0.6, How = "offered" }];
        ticket.Notes = [new TicketEvent { At = Now, Kind = "note", Actor = "Bo", Detail = "called back" }];
        ticket.Tags = ["vip"];
        ticket.Rating = 4;
        ticket.ReceivedMailIds = ["<m1@example.com>"];

        var stored = Store.Get(Store.Create(ticket).Number)!;

        Assert.Equal("T-1001", stored.Number);
        Assert.Equal((TicketStatus.New, TicketPriority.High, "general", EscalationReason.AskedForPerson), (stored.Status, stored.Priority, stored.Category, stored.Reason));
        Assert.Equal(("human", 0.75), (stored.Intent, stored.IntentConfidence));
        Assert.Equal(customer with { Fields = null }, stored.Customer! with { Fields = null });
        Assert.Equal("pro", stored.Customer!.Fields!["plan"]);
        Assert.Equal("where is my order", Assert.Single(stored.Transcript).Text);
        Assert.Equal(("angry", true, "unacceptable"), (stored.Signal.Tone, stored.Signal.Urgent, Assert.Single(stored.Signal.Cues)));
        Assert.Equal("returns", Assert.Single(stored.FaqOffered).FaqId);
        Assert.Equal("called back", Assert.Single(stored.Notes).Detail);
        Assert.Equal(["vip"], stored.Tags);
        Assert.Equal((4, "<m1@example.com>"), (stored.Rating, Assert.Single(stored.ReceivedMailIds)));
        Assert.Equal("{\"conversation\":{\"id\":\"c1\"}}", stored.ConversationReference);
        Assert.Equal(Now.AddMinutes(60), stored.FirstResponseDue.ToUniversalTime());
        Assert.Equal("t-1", stored.TeamId);
        Assert.Null(Store.Get(999));
        Assert.Null(Store.Get("T-9999"));
        Assert.Null(Store.Get("nonsense"));
    }

    [Fact]
    public void Tickets_created_at_once_get_distinct_increasing_numbers_and_each_raises_changed()
    {
        var raised = new System.Collections.Concurrent.ConcurrentBag<int>();
        Store.Changed += t => raised.Add(t.Id);

        var ids = Enumerable.Range(0, 40).AsParallel().WithDegreeOfParallelism(8).Select(i => Store.Create(New($"c{i}")).Id).ToArray();

        Assert.Equal(Enumerable.Range(1, 40), ids.Order());
        Assert.Equal(ids.Order(), raised.Order());
        Assert.Equal(40, Store.Count());
    }

    [Fact]
    public void Concurrent_changes_to_one_ticket_are_all_kept()
    {
        var id = Store.Create(New()).Id;

        Parallel.For(0, 30, new ParallelOptions { MaxDegreeOfParallelism = 6 },
            i => Store.Change(id, t => t.Transcript.Add(new TranscriptEntry { At = Now, From = Speaker.Customer, Text = $"m{i}" })));

        Assert.Equal(31, Store.Get(id)!.Transcript.Count);
        Assert.Null(Store.Change(999, _ => throw new InvalidOperationException("not called")));
    }

    [Fact]
    public void A_change_that_throws_writes_nothing()
    {
        var id = Store.Create(New()).Id;

        Assert.Throws<InvalidOperationException>(() => Store.Change(id, t => { t.Status = TicketStatus.Closed; throw new InvalidOperationException("no"); }));

        Assert.Equal(TicketStatus.New, Store.Get(id)!.Status);
    }

    [Fact]
    public void The_queue_puts_open_before_closed_then_priority_then_due_time_and_counts_every_match()
    {
        var closedUrgent = Store.Create(New("a", TicketStatus.Closed, TicketPriority.Urgent, dueMinutes: 1)).Id;
        var normalLate = Store.Create(New("b", priority: TicketPriority.Normal, dueMinutes: 90)).Id;
        var normalSoon = Store.Create(New("c", priority: TicketPriority.Normal, dueMinutes: 30)).Id;
        var high = Store.Create(New("d", TicketStatus.Pending, TicketPriority.High, dueMinutes: 300)).Id;
        var low = Store.Create(New("e", TicketStatus.Open, TicketPriority.Low, dueMinutes: 5)).Id;

        var (all, total) = Store.Queue(new TicketQuery());
        var (open, openTotal) = Store.Queue(new TicketQuery(OpenStatuses, Skip: 1, Take: 2));

        Assert.Equal([high, normalSoon, normalLate, low, closedUrgent], all.Select(t => t.Id));
        Assert.Equal(5, total);
        Assert.Equal([normalSoon, normalLate], open.Select(t => t.Id));
        Assert.Equal(4, openTotal);
        Assert.Equal(4, Store.Count(new TicketQuery(OpenStatuses)));
    }

    [Fact]
    public void A_change_moves_the_ticket_in_the_queue()
    {
        var first = Store.Create(New("a", dueMinutes: 10)).Id;
        var second = Store.Create(New("b", dueMinutes: 20)).Id;

        Store.Change(first, t => t.Status = TicketStatus.Resolved);

        Assert.Equal([second, first], Store.Queue(new TicketQuery()).Tickets.Select(t => t.Id));
        Assert.Equal([second], Store.Queue(new TicketQuery(OpenStatuses)).Tickets.Select(t => t.Id));
    }

    [Fact]
    public void The_queue_filters_by_priority_category_assignee_and_team()
    {
        var mine = Store.Create(New("a", assignee: "s-1", team: "t-1")).Id;
        var theirs = Store.Create(New("b", assignee: "s-2", team: "t-2", priority: TicketPriority.High)).Id;
        var unassignedNoTeam = Store.Create(New("c")).Id;
        var billing = New("d", team: "t-2");
        billing.Category = "billing";
        var billingId = Store.Create(billing).Id;

        Assert.Equal([theirs], Ids(new TicketQuery(Priority: TicketPriority.High)));
        Assert.Equal([billingId], Ids(new TicketQuery(Category: "billing")));
        Assert.Equal([mine], Ids(new TicketQuery(AssignedToId: "s-1")));
        Assert.Equal([unassignedNoTeam, billingId], Ids(new TicketQuery(AssignedToId: "")));
        Assert.Equal([mine, unassignedNoTeam], Ids(new TicketQuery(TeamIds: ["t-1"])));
        Assert.Equal([theirs, unassignedNoTeam, billingId], Ids(new TicketQuery(TeamIds: ["t-2"])));
        Assert.Equal([unassignedNoTeam], Ids(new TicketQuery(TeamIds: [])));
        Assert.Empty(Ids(new TicketQuery(Category: "nothing")));
    }

    private IReadOnlyList<int> Ids(TicketQuery query) => Store.Queue(query).Tickets.Select(t => t.Id).Order().ToArray();

    [Fact]
    public void Open_counts_count_each_persons_open_tickets_only()
    {
        Store.Create(New("a", assignee: "s-1"));
        Store.Create(New("b", assignee: "s-1", status: TicketStatus.Pending));
        Store.Create(New("c", assignee: "s-1", status: TicketStatus.Closed));
        Store.Create(New("d", assignee: "s-2"));
        Store.Create(New("e", assignee: "s-3"));

        var counts = Store.OpenCounts(["s-1", "s-2", "s-9", "s-1"]);

        Assert.Equal(new Dictionary<string, int> { ["s-1"] = 2, ["s-2"] = 1, ["s-9"] = 0 }, counts);
    }

    [Fact]
    public void Awaiting_acceptance_lists_open_tickets_given_automatically()
    {
        var given = Store.Create(New("a", assignee: "s-1")).Id;
        var closed = Store.Create(New("b", assignee: "s-1")).Id;
        Store.Create(New("c", assignee: "s-1"));
        Store.Change(given, t => t.AutoAssignedAt = Now);
        Store.Change(closed, t => { t.AutoAssignedAt = Now; t.Status = TicketStatus.Closed; });

        Assert.Equal([given], Store.AwaitingAcceptance().Select(t => t.Id));

        Store.Change(given, t => t.AutoAssignedAt = null);
        Assert.Empty(Store.AwaitingAcceptance());
    }

    [Fact]
    public void Search_finds_by_number_name_email_or_words_newest_first_ignoring_case()
    {
        var ann = new CustomerProfile("C-1", "Ann Lee", "ann@crm.example", "", "", "", null, null, null, "");
        var byName = Store.Create(New("a", customer: ann)).Id;
        var byEmail = Store.Create(New("b", email: "bo@example.com")).Id;
        var byWords = Store.Create(New("c", said: "My PARCEL never came")).Id;
        var other = Store.Create(New("d", said: "nothing to see")).Id;

        Assert.Equal([byName], Store.Search("ann lee").Tickets.Select(t => t.Id));
        Assert.Equal([byName], Store.Search("CRM.EXAMPLE").Tickets.Select(t => t.Id));
        Assert.Equal([byEmail], Store.Search("bo@example").Tickets.Select(t => t.Id));
        Assert.Equal([byWords], Store.Search("  parcel ").Tickets.Select(t => t.Id));
        Assert.Equal([byWords], Store.Search(Ticket.NumberFor(byWords).ToLowerInvariant()).Tickets.Select(t => t.Id));
        Assert.Empty(Store.Search("T-9999").Tickets);
        Assert.Equal(([], false), (Store.Search("   ").Tickets.Select(t => t.Id).ToArray(), Store.Search(null).More));
        var (page, more) = Store.Search("e", take: 2);
        Assert.Equal([other, byWords], page.Select(t => t.Id));
        Assert.True(more);
        Assert.Empty(Store.Search(new string('x', 500)).Tickets);
    }

    [Fact]
    public void A_customers_other_tickets_are_found_by_crm_id_or_email_newest_first()
    {
        var ann = new CustomerProfile("C-1", "Ann", "ann@example.com", "", "", "", null, null, null, "");
        var first = Store.Create(New("a", customer: ann, createdMinutes: 1)).Id;
        var second = Store.Create(New("b", email: "ann@example.com", createdMinutes: 2)).Id;
        var current = Store.Create(New("c", customer: ann, email: "ann@example.com", createdMinutes: 3)).Id;
        Store.Create(New("d", email: "bo@example.com"));

        Assert.Equal([second, first], Store.ForCustomer("C-1", "ann@example.com", current).Select(t => t.Id));
        Assert.Equal([current, first], Store.ForCustomer("C-1", null, second).Select(t => t.Id));
        Assert.Equal([current], Store.ForCustomer(null, "ann@example.com", second, take: 1).Select(t => t.Id));
        Assert.Empty(Store.ForCustomer(null, "", current));
    }

    [Fact]
    public void The_latest_ticket_of_a_conversation_prefers_an_open_one_then_the_customers()
    {
        var ann = new CustomerProfile("C-1", "Ann", "ann@example.com", "", "", "", null, null, null, "");
        var open = Store.Create(New("conv", createdMinutes: 1)).Id;
        Store.Create(New("conv", TicketStatus.Closed, createdMinutes: 2));
        var annsOther = Store.Create(New("other", customer: ann)).Id;

        Assert.Equal(open, Store.Latest("conv", null)!.Id);
        Assert.Equal(annsOther, Store.Latest("new-conv", "C-1")!.Id);
        Assert.Null(Store.Latest("new-conv", null));
        Assert.Null(Store.Latest("new-conv", "C-404"));
    }

    [Fact]
    public void A_persons_tickets_are_found_by_email_crm_id_user_or_conversation()
    {
        var ann = new CustomerProfile("C-1", "Ann", "Ann@Example.com", "", "", "", null, null, null, "");
        var byCrmEmail = Store.Create(New("a", customer: ann)).Id;
        var byChatEmail = Store.Create(New("b", email: " ANN@example.com")).Id;
        Store.Create(New("c", email: "bo@example.com"));

        var (byEmail, _) = PersonalDataSubject.From("ann@example.com");
        Assert.Equal([byCrmEmail, byChatEmail], Store.Of(byEmail!).Select(t => t.Id));

        var (byId, _) = PersonalDataSubject.From("C-1");
        Assert.Equal([byCrmEmail], Store.Of(byId!).Select(t => t.Id));

        var (byUser, _) = PersonalDataSubject.From("u-b");
        byUser!.ConversationIds.Add("c");
        Assert.Equal([byChatEmail, byChatEmail + 1], Store.Of(byUser).Select(t => t.Id));
    }

    [Fact]
    public void Deleting_removes_those_tickets_and_closed_ones_past_the_cutoff()
    {
        var a = Store.Create(New("a")).Id;
        var b = Store.Create(New("b")).Id;
        var oldClosed = New("c", TicketStatus.Closed, createdMinutes: -60 * 24 * 40);
        var oldResolved = New("d", TicketStatus.Resolved, createdMinutes: -60 * 24 * 40);
        var oldOpen = New("e", createdMinutes: -60 * 24 * 40);
        var recentClosed = New("f", TicketStatus.Closed);
        foreach (var t in new[] { oldClosed, oldResolved, oldOpen, recentClosed }) Store.Create(t);

        Assert.Equal(2, Store.Delete([a, b, b, 999]));
        Assert.Equal([oldClosed.Id, oldResolved.Id], Store.DeleteClosedBefore(Now.AddDays(-30)).Order());

        Assert.Equal([oldOpen.Id, recentClosed.Id], Store.Queue(new TicketQuery()).Tickets.Select(t => t.Id).Order());
        Assert.Equal(2, Store.Count());
    }

    [Fact]
    public void Many_tickets_stored_at_once_get_numbers_and_queue_keys_without_change_events()
    {
        Store.Create(New("first"));
        var raised = 0;
        Store.Changed += _ => raised++;

        Store.CreateMany(Enumerable.Range(0, 300).Select(i => New($"bulk{i}", dueMinutes: 300 - i)));

        Assert.Equal(0, raised);
        Assert.Equal(301, Store.Count());
        var (page, total) = Store.Queue(new TicketQuery(Take: 3));
        Assert.Equal(301, total);
        Assert.Equal([301, 300, 299], page.Select(t => t.Id));
        Assert.Equal("bulk299", Store.Get(301)!.ConversationId);
    }
}
