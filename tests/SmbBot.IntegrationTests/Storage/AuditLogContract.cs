using SmbBot.Core.Privacy;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every audit log does: one suite, run against LiteDB (<see cref="LiteDbAuditLogTests"/>) and PostgreSQL
/// (<see cref="PostgreSqlAuditLogTests"/>). Each test gets an empty log.
/// </summary>
public abstract class AuditLogContract
{
    protected static readonly DateTime Now = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>The log under test; empty.</summary>
    protected abstract IAuditLog Log { get; }

    protected static AuditEntry Entry(string action, int minutes, string detail = "") =>
        new() { At = Now.AddMinutes(minutes), Actor = "owner", Action = action, Subject = "3f2a9c0d1e7b5a46", Detail = detail };

    [Fact]
    public void An_empty_log_reads_nothing()
    {
        Assert.Empty(Log.Recent());
        Assert.Empty(Log.Recent("settings"));
        Assert.Empty(Log.RecentStartingWith("knowledge"));
    }

    [Fact]
    public void Entries_read_back_whole_newest_first_and_at_most_as_many_as_asked()
    {
        Log.Add(Entry("export", 1, "3 records"));
        Log.Add(Entry("erase", 3, "2 records"));
        Log.Add(Entry("settings", 2, "hours changed"));

        var newest = Log.Recent()[0];
        Assert.Equal((Now.AddMinutes(3), "owner", "erase", "3f2a9c0d1e7b5a46", "2 records"),
            (newest.At.ToUniversalTime(), newest.Actor, newest.Action, newest.Subject, newest.Detail));
        Assert.Equal(["erase", "settings", "export"], Log.Recent().Select(e => e.Action));
        Assert.Equal(["erase", "settings"], Log.Recent(take: 2).Select(e => e.Action));
    }

    [Fact]
    public void One_actions_entries_come_newest_first()
    {
        Log.Add(Entry("settings", 1, "first"));
        Log.Add(Entry("export", 2));
        Log.Add(Entry("settings", 3, "second"));
        Log.Add(Entry("settings", 4, "third"));

        Assert.Equal(["third", "second", "first"], Log.Recent("settings").Select(e => e.Detail));
        Assert.Equal(["third"], Log.Recent("settings", take: 1).Select(e => e.Detail));
        Assert.Empty(Log.Recent("sett"));
    }

    [Fact]
    public void Entries_whose_action_starts_with_a_prefix_come_newest_first()
    {
        Log.Add(Entry("knowledge-edit", 1));
        Log.Add(Entry("settings", 2));
        Log.Add(Entry("knowledge-publish", 3));
        Log.Add(Entry("knowledge-rollback-request", 4));

        Assert.Equal(["knowledge-rollback-request", "knowledge-publish", "knowledge-edit"], Log.RecentStartingWith("knowledge").Select(e => e.Action));
        Assert.Equal(["knowledge-rollback-request", "knowledge-publish"], Log.RecentStartingWith("knowledge-", take: 2).Select(e => e.Action));
    }

    [Fact]
    public void Entries_made_in_the_same_instant_are_all_kept()
    {
        Log.Add(Entry("export", 0, "a"));
        Log.Add(Entry("export", 0, "b"));

        Assert.Equal(["a", "b"], Log.Recent("export").Select(e => e.Detail).Order());
    }
}
