using LiteDB;
using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Routing;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.Teams;

/// <summary>The ticket desk with routing rules, teams and automatic assignment, on a real LiteDB file.</summary>
public class RoutedTicketDeskTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _db;
    private readonly ITicketStore _store;
    private readonly ITeamStore _teams;
    private readonly Roster _roster = new();
    private readonly FakeClock _clock = new(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));
    private readonly TicketDesk _desk;
    private readonly Team _complaints;
    private static readonly CustomerProfile Gold = new("C-1", "Ann Lee", "ann@example.com", "", "", "gold", 10m, 1, null, "");
    private static readonly CustomerProfile Plain = new("C-2", "Bo Diaz", "bo@example.com", "", "", "", null, null, null, "");

    private const string Rules = """
        { "rules": [
          { "name": "Gold complaints", "when": { "category": "complaints", "tier": "gold" }, "then": { "team": "Complaints", "tag": "vip" } },
          { "name": "Chargebacks", "when": { "keywords": ["chargeback"] }, "then": { "person": "kim@example.com", "team": "Complaints", "priority": "urgent" } },
          { "name": "Ghost team", "when": { "keywords": ["ghost"] }, "then": { "team": "Nobody here" } }
        ] }
        """;

    public RoutedTicketDeskTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder.Path, "t.db")) { UtcDate = true };
        _store = new LiteDbTicketStore(_db);
        _teams = new LiteDbTeamStore(_db);
        _roster.Add("kim", "Kim", away: true);
        _roster.Add("sam", "Sam");
        _roster.Add("lee", "Lee");
        _complaints = _teams.Save(null, "Complaints", ["kim", "sam", "lee"], AutoAssign.RoundRobin).Team!;
        var options = EscalationOptionsTests.Valid();
        var calendar = BusinessCalendar.From(options);
        var rules = new RoutingRulesSource(_folder.Write("routing.json", Rules), "routing.json");
        _desk = new TicketDesk(_store, new TicketRouting(options, calendar), new CsvCustomerDirectory([Gold, Plain]), options, _clock, NoTicketAlerts.Instance,
            new TicketAssigner(rules, _teams, _roster, _store, calendar));
    }

    private Ticket Open(CustomerProfile? customer, string said, EscalationReason reason = EscalationReason.Complaint)
    {
        var c = new ConversationRecord { Id = Guid.NewGuid().ToString("N"), ChannelId = "emulator", UserId = "u", CustomerId = customer?.Id };
        c.Append(new TranscriptEntry { At = _clock.GetUtcNow().UtcDateTime, From = Speaker.Customer, Text = said });
        return _desk.Open(c, reason, new TurnDecision(Route.Escalate, new IntentPrediction(Intents.Complaint, 0.9f), null, [], [], "test"));
    }

    [Fact]
    public void A_gold_complaint_goes_to_the_complaints_team_and_in_turn_to_its_members_on_duty()
    {
        var first = Open(Gold, "this is unacceptable");
        var second = Open(Gold, "still broken");
        var third = Open(Gold, "again");

        var stored = _store.Get(first.Id)!;
        Assert.Equal((_complaints.Id, "Complaints", "Gold complaints"), (stored.TeamId, stored.TeamName, stored.RoutedBy));
        Assert.Equal("rule 'Gold complaints': category is complaints, customer tier is gold; given to Sam (round-robin)", stored.RoutingWhy);
        Assert.Equal(["vip"], stored.Tags);
        Assert.Equal(("sam", "Sam"), (stored.AssignedToId, stored.AssignedToName));
        Assert.Equal(_clock.GetUtcNow().UtcDateTime, stored.AutoAssignedAt);
        Assert.Equal(stored.RoutingWhy, stored.History.Single(h => h.Kind == "routed").Detail);
        Assert.Equal(["sam", "lee", "sam"], new[] { first, second, third }.Select(t => t.AssignedToId));
    }

    [Fact]
    public void A_customer_identified_after_the_ticket_opened_is_routed_again_unless_staff_have_it()
    {
        var ticket = Open(null, "this is unacceptable");
        Assert.Equal(("", "everyone"), (ticket.TeamId, ticket.RoutedBy));

        var routed = _desk.SetEmail(ticket.Id, Gold.Email)!;

        Assert.Equal(("Complaints", "sam", "Gold complaints"), (routed.TeamName, routed.AssignedToId, routed.RoutedBy));
        Assert.StartsWith("customer identified: rule 'Gold complaints'", routed.History.Last(h => h.Kind == "routed").Detail);

        var taken = Open(null, "this is unacceptable");
        _desk.Claim(taken.Id, "kim", "Kim");
        Assert.Equal(("", "kim"), (_desk.SetEmail(taken.Id, Gold.Email)!.TeamId, _store.Get(taken.Id)!.AssignedToId));
    }

    [Fact]
    public void A_ticket_no_rule_matches_stays_in_everyones_queue()
    {
        var ticket = Open(Plain, "this is unacceptable");

        Assert.Equal(("", null, "everyone", "no rule matched: everyone's queue"), (ticket.TeamId, ticket.AssignedToId, ticket.RoutedBy, ticket.RoutingWhy));
        Assert.Equal("created", Assert.Single(ticket.History).Kind); // alerts are keyed by history entry: h1 as before routing existed
    }

    [Fact]
    public void A_person_who_is_away_is_passed_over_and_a_priority_set_by_a_rule_moves_the_due_time()
    {
        var ticket = Open(Plain, "I will file a chargeback", EscalationReason.AskedForPerson);

        Assert.Equal(TicketPriority.Urgent, ticket.Priority);
        Assert.Equal(_clock.GetUtcNow().UtcDateTime.AddMinutes(15), ticket.FirstResponseDue);
        Assert.Equal("sam", ticket.AssignedToId);
        Assert.Contains("Kim is away", ticket.RoutingWhy);

        _roster.Add("kim", "Kim");
        Assert.Equal("kim", Open(Plain, "chargeback now").AssignedToId);
    }

    [Fact]
    public void A_rule_naming_a_team_that_does_not_exist_leaves_the_ticket_in_everyones_queue_and_says_so()
    {
        var ticket = Open(Plain, "a ghost in the machine");

        Assert.Equal(("", "Ghost team"), (ticket.TeamId, ticket.RoutedBy));
        Assert.EndsWith("there is no team Nobody here: everyone's queue", ticket.RoutingWhy);
    }

    [Fact]
    public void A_ticket_not_taken_in_time_moves_to_the_next_member_and_stops_once_taken()
    {
        var options = new AlertOptions { RealertAt = 0.5 };
        var ticket = Open(Gold, "hello?");
        var half = (ticket.FirstResponseDue - ticket.CreatedAt) / 2;
        Assert.Equal("sam", ticket.AssignedToId);

        _clock.Advance(half - TimeSpan.FromSeconds(1));
        Assert.False(ReassignPolicy.Due(_store.Get(ticket.Id)!, _clock.GetUtcNow().UtcDateTime, options));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(ReassignPolicy.Due(_store.Get(ticket.Id)!, _clock.GetUtcNow().UtcDateTime, options));
        Assert.Contains(_store.AwaitingAcceptance(), t => t.Id == ticket.Id);

        var moved = _desk.Reassign(ticket.Id)!;

        Assert.Equal("lee", moved.AssignedToId);
        Assert.Equal("Sam -> Lee: not taken in time (round-robin)", moved.History.Last().Detail);
        Assert.False(ReassignPolicy.Due(moved, _clock.GetUtcNow().UtcDateTime, options));
        _desk.Claim(ticket.Id, "lee", "Lee");
        _clock.Advance(half * 3);
        Assert.False(ReassignPolicy.Due(_store.Get(ticket.Id)!, _clock.GetUtcNow().UtcDateTime, options));
        Assert.DoesNotContain(_store.AwaitingAcceptance(), t => t.Id == ticket.Id);
    }

    [Fact]
    public void An_admin_moves_a_ticket_to_a_team_or_a_person()
    {
        var billing = _teams.Save(null, "Billing", ["lee"], AutoAssign.Off).Team!;
        var ticket = Open(Plain, "hello");

        var toTeam = _desk.Move(ticket.Id, billing, null, "Owner")!;
        Assert.Equal(("Billing", null), (toTeam.TeamName, toTeam.AssignedToId));
        var toPerson = _desk.Move(ticket.Id, _complaints, _roster.Members().Single(m => m.Id == "kim"), "Owner")!;

        Assert.Equal(("Complaints", "kim", null), (toPerson.TeamName, toPerson.AssignedToId, toPerson.AutoAssignedAt));
        Assert.Equal("team Billing -> team Complaints, Kim", toPerson.History.Last().Detail);
    }

    [Fact]
    public void The_queue_by_team_holds_the_teams_tickets_and_the_unrouted_ones_and_counts_them()
    {
        var gold = Open(Gold, "unacceptable");
        var plain = Open(Plain, "hello");
        var billing = _teams.Save(null, "Billing", ["lee"], AutoAssign.Off).Team!;
        var other = _desk.Move(Open(Plain, "x").Id, billing, null, "Owner")!;

        var (mine, total) = _store.Queue(new TicketQuery(TeamIds: [_complaints.Id]));

        Assert.Equal([gold.Id, plain.Id], mine.Select(t => t.Id).Order());
        Assert.Equal(2, total);
        Assert.Equal(2, _store.Count(new TicketQuery(TeamIds: [_complaints.Id])));
        Assert.Equal(3, _store.Count(new TicketQuery(TeamIds: [_complaints.Id, billing.Id])));
        Assert.Equal(1, _store.Count(new TicketQuery(AssignedToId: "sam")));
        Assert.Equal(new Dictionary<string, int> { ["sam"] = 1, ["lee"] = 0, ["kim"] = 0 }, _store.OpenCounts(["sam", "lee", "kim"]));
        _desk.SetStatus(gold.Id, TicketStatus.Closed, "Sam");
        Assert.Equal(0, _store.OpenCounts(["sam"])["sam"]);
        Assert.Equal(other.Id, _store.Queue(new TicketQuery(TeamIds: [billing.Id])).Tickets.Single(t => t.TeamId.Length > 0).Id);
    }

    public void Dispose()
    {
        _db.Dispose();
        _folder.Dispose();
    }

    private sealed class Roster : IStaffRoster
    {
        private readonly Dictionary<string, StaffMember> _members = [];

        public void Add(string id, string name, bool away = false) => _members[id] = new StaffMember(id, name, $"{id}@example.com", false, false, away);

        public IReadOnlyList<StaffMember> Members() => _members.Values.ToArray();
    }
}
