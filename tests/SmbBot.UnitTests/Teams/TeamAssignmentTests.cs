using SmbBot.Core.Teams;

namespace SmbBot.UnitTests.Teams;

/// <summary>Automatic assignment inside a team: fair over many tickets, never to someone away or disabled.</summary>
public class TeamAssignmentTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, StaffMember> Staff(int count, params StaffMember[] extra) =>
        Enumerable.Range(1, count).Select(i => new StaffMember($"s{i}", $"Staff {i}", $"s{i}@example.com", false, false))
            .Concat(extra).ToDictionary(m => m.Id);

    /// <summary>Assigns <paramref name="tickets"/> tickets one by one, as the desk does, and counts who got how many.</summary>
    private static Dictionary<string, int> Simulate(Team team, Dictionary<string, StaffMember> staff, int tickets, Random? closes = null)
    {
        var given = team.Members.ToDictionary(m => m, _ => 0);
        var open = team.Members.ToDictionary(m => m, _ => 0);
        for (int i = 0; i < tickets; i++)
        {
            var picked = TeamAssignment.Pick(team, staff, open, Now);
            Assert.NotNull(picked);
            team.LastAssignedId = picked.Id;
            given[picked.Id]++;
            open[picked.Id]++;
            // Some people close tickets faster than others: least-open must still not starve or flood anyone.
            if (closes is not null && closes.Next(3) == 0 && open[picked.Id] > 0) open[picked.Id]--;
        }
        return given;
    }

    [Theory]
    [InlineData(AutoAssign.RoundRobin, 7)]
    [InlineData(AutoAssign.RoundRobin, 200)]
    [InlineData(AutoAssign.LeastOpen, 7)]
    [InlineData(AutoAssign.LeastOpen, 200)]
    public void A_thousand_tickets_are_spread_within_one_ticket_per_person(AutoAssign mode, int people)
    {
        var staff = Staff(people);
        var team = new Team { Id = "t", Name = "Billing", Members = staff.Keys.ToList(), AutoAssign = mode };

        var given = Simulate(team, staff, 1000);

        Assert.Equal(1000, given.Values.Sum());
        Assert.True(given.Values.Max() - given.Values.Min() <= 1, $"spread {given.Values.Min()}..{given.Values.Max()}");
    }

    [Fact]
    public void Least_open_gives_the_next_ticket_to_whoever_has_fewest_open()
    {
        var staff = Staff(3);
        var team = new Team { Id = "t", Name = "Billing", Members = ["s1", "s2", "s3"], AutoAssign = AutoAssign.LeastOpen, LastAssignedId = "s3" };
        var open = new Dictionary<string, int> { ["s1"] = 4, ["s2"] = 1, ["s3"] = 1 };

        Assert.Equal("s2", TeamAssignment.Pick(team, staff, open, Now)!.Id);
        open["s2"] = 9;
        Assert.Equal("s3", TeamAssignment.Pick(team, staff, open, Now)!.Id);
    }

    [Fact]
    public void Nobody_away_or_disabled_gets_a_ticket_over_a_thousand()
    {
        var away = new StaffMember("away", "Away", "away@example.com", false, false, Away: true, AwayUntil: Now.AddDays(3));
        var onLeave = new StaffMember("leave", "Leave", "leave@example.com", false, false, Away: true);
        var gone = new StaffMember("gone", "Gone", "gone@example.com", false, Disabled: true);
        var back = new StaffMember("back", "Back", "back@example.com", false, false, Away: true, AwayUntil: Now.AddMinutes(-1));
        var staff = Staff(3, away, onLeave, gone, back);
        foreach (var mode in new[] { AutoAssign.RoundRobin, AutoAssign.LeastOpen })
        {
            var team = new Team { Id = "t", Name = "T", Members = ["away", "s1", "leave", "s2", "gone", "s3", "back"], AutoAssign = mode };

            var given = Simulate(team, staff, 1000);

            Assert.Equal([0, 0, 0], new[] { given["away"], given["leave"], given["gone"] });
            Assert.Equal(250, given["back"]);
            Assert.All(new[] { "s1", "s2", "s3" }, s => Assert.Equal(250, given[s]));
        }
    }

    [Fact]
    public void No_pick_when_assignment_is_off_or_everyone_is_away_and_never_the_person_it_is_taken_from()
    {
        var staff = Staff(2, new StaffMember("away", "Away", "a@example.com", false, false, Away: true));
        var open = new Dictionary<string, int>();

        Assert.Null(TeamAssignment.Pick(new Team { Members = ["s1", "s2"], AutoAssign = AutoAssign.Off }, staff, open, Now));
        Assert.Null(TeamAssignment.Pick(new Team { Members = ["away", "nobody"], AutoAssign = AutoAssign.RoundRobin }, staff, open, Now));
        Assert.Null(TeamAssignment.Pick(new Team { Members = ["s1", "away"], AutoAssign = AutoAssign.RoundRobin }, staff, open, Now, except: "s1"));
        Assert.Equal("s2", TeamAssignment.Pick(new Team { Members = ["s1", "s2"], AutoAssign = AutoAssign.LeastOpen, LastAssignedId = "s2" }, staff, open, Now, except: "s1")!.Id);
    }
}
