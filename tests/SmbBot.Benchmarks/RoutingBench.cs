using System.Diagnostics;
using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;

namespace SmbBot.Benchmarks;

/// <summary>
/// Ticket routing: the cost of routing one ticket with 50 rules and 200 staff, and the queue's first page by team
/// over a LiteDB file of many tickets.
///   dotnet run -c Release --project tests/SmbBot.Benchmarks -- routing [--tickets 100000]
/// </summary>
public static class RoutingBench
{
    private static readonly TicketStatus[] OpenStatuses = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending];

    public static void Run(string folder, int tickets)
    {
        var calendar = new BusinessCalendar(TimeZoneInfo.Utc, new Dictionary<string, string> { ["Monday"] = "09:00-17:00", ["Tuesday"] = "09:00-17:00" });
        var now = new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc);
        // 49 rules that do not match (each a different kind of condition), then the one that does: the worst case.
        var rules = Enumerable.Range(0, 49).Select(i => (i % 5) switch
        {
            0 => new RoutingRule($"r{i}", new(Category: $"cat{i}"), new(Team: "T0")),
            1 => new RoutingRule($"r{i}", new(Keywords: [$"word{i}", $"other{i}", $"third{i}"]), new(Team: "T0")),
            2 => new RoutingRule($"r{i}", new(Fields: new Dictionary<string, string> { ["Plan"] = $"plan{i}" }), new(Team: "T0")),
            3 => new RoutingRule($"r{i}", new(Tier: "gold", Hours: "out"), new(Team: "T0")),
            _ => new RoutingRule($"r{i}", new(Intent: "complaint", Language: "es"), new(Team: "T0")),
        }).Append(new RoutingRule("last", new(Category: "complaints", Tier: "gold"), new(Team: "T1", Tag: "vip"))).ToArray();
        var ticket = NewTicket(0, now);

        var decide = Time(20_000, () => TicketRules.Route(ticket, rules, now, calendar));
        var staff = Enumerable.Range(0, 200).Select(i => new StaffMember($"s{i}", $"Staff {i}", $"s{i}@example.com", false, false, Away: i % 10 == 0)).ToDictionary(m => m.Id);
        var team = new Team { Id = "t", Name = "T1", Members = staff.Keys.ToList(), AutoAssign = AutoAssign.LeastOpen };
        var open = staff.Keys.ToDictionary(k => k, k => k.Length);
        var pick = Time(20_000, () => team.LastAssignedId = TeamAssignment.Pick(team, staff, open, now)!.Id);
        Console.WriteLine($"routing decision, 50 rules (the 50th matches): {decide * 1000:0.0} µs; pick among 200 staff (least open): {pick * 1000:0.0} µs (medians)");

        var file = Path.Combine(folder, "bench-routing.db");
        using var db = new LiteDatabase(new ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true };
        var store = new LiteDbTicketStore(db);
        var teams = new LiteDbTeamStore(db);
        var ids = Enumerable.Range(0, 10).Select(i => teams.Save(null, $"T{i}", staff.Keys.Skip(i * 20).Take(20), AutoAssign.RoundRobin).Team!.Id).ToArray();
        var big = teams.Save(null, "All staff", staff.Keys, AutoAssign.LeastOpen).Team!;
        var fill = Stopwatch.StartNew();
        for (int batch = 0; batch < tickets; batch += 5000)
        {
            store.CreateMany(Enumerable.Range(batch, Math.Min(5000, tickets - batch)).Select(i =>
            {
                var t = NewTicket(i, now.AddMinutes(-5 * (tickets - i)));
                t.Status = i >= tickets - 500 ? OpenStatuses[i % 3] : TicketStatus.Closed;
                t.TeamId = i % 11 == 10 ? "" : ids[i % 11];
                t.AssignedToId = $"s{i % 200}";
                return t;
            }));
        }
        fill.Stop();
        var roster = new FixedRoster(staff.Values.ToArray());
        var sourceFile = Path.Combine(folder, "routing.json");
        RoutingRulesFile.Save(sourceFile, rules.Select(r => r.Name == "last" ? r with { Then = r.Then with { Team = "T1" } } : r).ToArray());
        var assigner = new TicketAssigner(new RoutingRulesSource(sourceFile, "routing.json"), teams, roster, store, calendar);
        var roundRobin = Time(200, () => { var t = NewTicket(1, now); assigner.Route(t, now, _ => (now, now)); });
        File.WriteAllText(sourceFile, RoutingRulesFile.Write(rules.Select(r => r.Name == "last" ? r with { Then = r.Then with { Team = "All staff" } } : r).ToArray()));
        var toAll = new TicketAssigner(new RoutingRulesSource(sourceFile, "routing.json"), teams, roster, store, calendar);
        var leastOpen = Time(50, () => { var t = NewTicket(1, now); toAll.Route(t, now, _ => (now, now)); });
        Console.WriteLine($"routing a new ticket with the store ({tickets} tickets): team of 20 round-robin {roundRobin:0.00} ms, team of 200 least-open {leastOpen:0.00} ms (medians)");

        var firstPage = Time(20, () => store.Queue(new TicketQuery(OpenStatuses, TeamIds: [ids[1], ids[2]], Take: 50)));
        var mine = Time(20, () => store.Queue(new TicketQuery(OpenStatuses, AssignedToId: "s7", Take: 50)));
        var all = Time(20, () => store.Queue(new TicketQuery(OpenStatuses, Take: 50)));
        var counts = Time(20, () =>
        {
            store.Count(new TicketQuery(OpenStatuses, AssignedToId: "s7"));
            store.Count(new TicketQuery(OpenStatuses, TeamIds: [ids[1], ids[2]]));
            store.Count(new TicketQuery(OpenStatuses));
        });
        Console.WriteLine($"queue at {tickets} tickets (500 open, 10 teams), filled in {fill.Elapsed.TotalSeconds:0} s, {new FileInfo(file).Length / (1024 * 1024)} MB: " +
            $"first page 'my teams' {firstPage:0.00} ms, 'my tickets' {mine:0.00} ms, 'all' {all:0.00} ms; the three tab counts {counts:0.00} ms (medians of 20)");
        GC.KeepAlive(big);
    }

    private static Ticket NewTicket(int i, DateTime created) => new()
    {
        Status = TicketStatus.New, Priority = (TicketPriority)(i % 4), Category = "complaints", Reason = EscalationReason.Complaint, Intent = "complaint",
        Customer = new CustomerProfile($"C-{i}", "Ann", $"c{i}@example.com", "", "", "gold", null, null, null, "", new() { ["Plan"] = "pro" }),
        ConversationId = $"c{i}",
        Transcript = Enumerable.Range(0, 8).Select(m => new TranscriptEntry { At = created.AddSeconds(m * 30), From = m % 2 == 0 ? Speaker.Customer : Speaker.Bot, Text = $"message {m} of conversation {i}, long enough to look like a real customer message" }).ToList(),
        CreatedAt = created, UpdatedAt = created, FirstResponseDue = created.AddHours(4), ResolutionDue = created.AddDays(2),
    };

    private static double Time(int runs, Action action)
    {
        action();
        var times = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        return Stats.Median(times);
    }

    private sealed class FixedRoster(IReadOnlyList<StaffMember> members) : IStaffRoster
    {
        public IReadOnlyList<StaffMember> Members() => members;
    }
}
