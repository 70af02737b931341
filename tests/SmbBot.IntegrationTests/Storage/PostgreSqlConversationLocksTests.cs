using Npgsql;
using SmbBot.Core.Conversations;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Conversations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The conversation lock contract across two hosts on one PostgreSQL database, and what only a database lock meets.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConversationLocksTests : ConversationLocksContract, IDisposable
{
    private readonly NpgsqlDataSource _hostA;
    private readonly NpgsqlDataSource _hostB;

    public PostgreSqlConversationLocksTests(PostgreSqlTestCluster cluster)
    {
        var database = cluster.NewDatabase();
        _hostA = NpgsqlDataSource.Create(database);
        _hostB = NpgsqlDataSource.Create(database);
        Locks = new PostgreSqlConversationLocks(_hostA, TimeSpan.FromSeconds(20));
        OtherHost = new PostgreSqlConversationLocks(_hostB, TimeSpan.FromSeconds(20));
    }

    protected override IConversationLocks Locks { get; }

    protected override IConversationLocks OtherHost { get; }

    [Fact]
    public async Task Other_conversations_never_wait()
    {
        using var held = await Locks.EnterAsync("conv-d", CancellationToken.None);
        var others = Enumerable.Range(0, 20).Select(i => OtherHost.EnterAsync($"conv-d-{i}", CancellationToken.None)).ToArray();

        var all = await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(10));
        foreach (var other in all) other.Dispose();
    }

    [Fact]
    public async Task A_turn_stuck_on_another_host_ends_the_wait_with_a_clear_error()
    {
        var quick = new PostgreSqlConversationLocks(_hostB, TimeSpan.FromMilliseconds(400));
        using var held = await Locks.EnterAsync("conv-e", CancellationToken.None);

        var error = await Assert.ThrowsAsync<ConversationBusyException>(() => quick.EnterAsync("conv-e", CancellationToken.None));
        Assert.Contains("busy", error.Message);
    }

    [Fact]
    public async Task A_host_that_dies_holding_the_lock_releases_it()
    {
        await using var dyingHost = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(_hostA.ConnectionString) { Pooling = false }.ConnectionString);
        var dying = new PostgreSqlConversationLocks(dyingHost, TimeSpan.FromSeconds(20));
        var held = await dying.EnterAsync("conv-f", CancellationToken.None);
        var waiting = OtherHost.EnterAsync("conv-f", CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);

        // The server ends the dead host's session, as it does when the host's TCP connection drops.
        await using (var admin = await _hostB.OpenConnectionAsync())
        await using (var kill = new NpgsqlCommand(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND classid::bigint = $1 AND granted "
            + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND pid <> pg_backend_pid()", admin)
            { Parameters = { new() { Value = (long)PostgreSqlConversationLocks.LockClass } } })
        {
            await kill.ExecuteNonQueryAsync();
        }

        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        held.Dispose(); // the connection is gone: releasing must not throw
    }

    public void Dispose()
    {
        _hostA.Dispose();
        _hostB.Dispose();
    }
}
