using SmbBot.Core.Teams;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every team store does: one suite, run against LiteDB (<see cref="LiteDbTeamStoreTests"/>) and PostgreSQL
/// (<see cref="PostgreSqlTeamStoreTests"/>). Each test starts from an empty store.
/// </summary>
public abstract class TeamStoreContract
{
    /// <summary>The store under test; empty.</summary>
    protected abstract ITeamStore Store { get; }

    [Fact]
    public void A_team_is_added_read_back_whole_and_listed_by_name_whatever_its_case()
    {
        var (billing, problem) = Store.Save(null, "  Billing ", ["kim", " ", "lee", "kim"], AutoAssign.RoundRobin);
        Store.Save("", "accounts", [], AutoAssign.Off);
        Store.Save(null, "Complaints", ["lee"], AutoAssign.LeastOpen);

        Assert.Null(problem);
        var read = Store.Get(billing!.Id)!;
        Assert.Equal(("Billing", AutoAssign.RoundRobin, null), (read.Name, read.AutoAssign, read.LastAssignedId));
        Assert.Equal(["kim", "lee"], read.Members);
        Assert.Equal(["accounts", "Billing", "Complaints"], Store.All().Select(t => t.Name));
        Assert.Equal(billing.Id, Store.Named(" BILLING")?.Id);
        Assert.Null(Store.Named("Sales"));
        Assert.Equal(["Billing", "Complaints"], Store.Of("lee").Select(t => t.Name));
        Assert.Empty(Store.Of("nobody"));
        Assert.Null(Store.Get(null));
        Assert.Null(Store.Get(""));
        Assert.Null(Store.Get("unknown"));
    }

    [Fact]
    public void A_name_another_team_has_an_empty_or_long_name_and_an_unknown_team_are_refused_and_change_nothing()
    {
        var billing = Store.Save(null, "Billing", ["kim"], AutoAssign.Off).Team!;
        var sales = Store.Save(null, "Sales", ["lee"], AutoAssign.Off).Team!;

        Assert.Equal("there is already a team named Billing", Store.Save(null, "BILLING", [], AutoAssign.Off).Problem);
        Assert.Equal("there is already a team named Billing", Store.Save(sales.Id, "billing ", [], AutoAssign.Off).Problem);
        Assert.Equal($"the team name must have 1-{Team.MaxName} characters", Store.Save(null, "   ", [], AutoAssign.Off).Problem);
        Assert.Equal($"the team name must have 1-{Team.MaxName} characters", Store.Save(billing.Id, new string('x', Team.MaxName + 1), [], AutoAssign.Off).Problem);
        Assert.Equal("there is no such team", Store.Save("unknown", "Support", [], AutoAssign.Off).Problem);

        Assert.Equal(["Billing", "Sales"], Store.All().Select(t => t.Name));
        Assert.Equal(["lee"], Store.Get(sales.Id)!.Members);
        Assert.Null(Store.Get("unknown"));
        // Renaming a team to its own name in another case is no clash.
        Assert.Equal("BILLING", Store.Save(billing.Id, "BILLING", ["kim"], AutoAssign.Off).Team!.Name);
        Assert.Equal("BILLING", Store.Get(billing.Id)!.Name);
    }

    [Fact]
    public void The_last_assignment_is_kept_while_its_member_stays_and_forgotten_when_they_leave()
    {
        var team = Store.Save(null, "Support", ["kim", "lee"], AutoAssign.RoundRobin).Team!;

        Assert.Equal("lee", Store.Assign(team.Id, t => t.LastAssignedId is null ? "lee" : null));
        Assert.Null(Store.Assign(team.Id, _ => null));
        Assert.Null(Store.Assign("unknown", _ => "lee"));
        Assert.Equal("lee", Store.Get(team.Id)!.LastAssignedId);

        Store.Save(team.Id, "Support", ["lee", "kim", "sam"], AutoAssign.LeastOpen);
        var kept = Store.Get(team.Id)!;
        Assert.Equal(("lee", AutoAssign.LeastOpen), (kept.LastAssignedId, kept.AutoAssign));
        Assert.Equal(["lee", "kim", "sam"], kept.Members);

        Store.Save(team.Id, "Support", ["kim", "sam"], AutoAssign.LeastOpen);
        Assert.Null(Store.Get(team.Id)!.LastAssignedId);
        Assert.Null(Store.Get("unknown"));
    }

    [Fact]
    public void Assignments_go_round_the_team_each_from_the_last_one_recorded()
    {
        var team = Store.Save(null, "Support", ["kim", "lee", "sam"], AutoAssign.RoundRobin).Team!;

        var picked = Enumerable.Range(0, 7).Select(_ => Store.Assign(team.Id, NextInTurn) ?? "nobody").ToArray();

        Assert.Equal(["kim", "lee", "sam", "kim", "lee", "sam", "kim"], picked);
        Assert.Equal("kim", Store.Get(team.Id)!.LastAssignedId);
    }

    /// <summary>Round-robin as <see cref="TeamAssignment.Pick"/> does it with everyone on duty: the member after the last one.</summary>
    protected static string NextInTurn(Team team) =>
        team.Members[team.LastAssignedId is { } last ? (team.Members.IndexOf(last) + 1) % team.Members.Count : 0];

    [Fact]
    public void A_deleted_team_is_gone_and_its_name_free_again()
    {
        var team = Store.Save(null, "Support", ["kim"], AutoAssign.Off).Team!;

        Assert.True(Store.Delete(team.Id));
        Assert.False(Store.Delete(team.Id));
        Assert.False(Store.Delete("unknown"));

        Assert.Null(Store.Get(team.Id));
        Assert.Empty(Store.All());
        Assert.Empty(Store.Of("kim"));
        Assert.NotNull(Store.Save(null, "support", [], AutoAssign.Off).Team);
    }
}
