using Npgsql;
using SmbBot.Core.DirectLine;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Changes;
using SmbBot.PostgreSql.DirectLine;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The Direct Line store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDirectLineStoreTests : DirectLineStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlDirectLineStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
    }

    protected override IDirectLineStore Store(int conversationMb = 100, int totalMb = 1000, int maxHistory = 1000) =>
        new PostgreSqlDirectLineStore(_db, new DirectLineLimits(conversationMb * 1024L * 1024, totalMb * 1024L * 1024, maxHistory));

    [Fact]
    public void Two_hosts_appending_to_one_conversation_at_once_number_every_activity_once_without_gaps()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store(maxHistory: 50), new PostgreSqlDirectLineStore(otherHost, new DirectLineLimits(100L << 20, 1000L << 20, 50)) };
        hosts[0].GetOrCreate("shared", "u", false, Now);

        var seqs = Enumerable.Range(0, 80).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].Append("shared", Now, seq => Activity(seq, 1 * Kb), withinQuota: i % 3 != 0))
            .Select(a => a.Seq).ToArray();

        Assert.Equal(Enumerable.Range(1, 80), seqs.Order());
        Assert.Equal(Enumerable.Range(31, 50), hosts[1].After("shared", 0, long.MaxValue).Select(a => a.Seq));
        Assert.Equal((80, 50L * Kb), (hosts[1].Get("shared")!.LastSeq, hosts[1].Get("shared")!.StoredBytes));
    }

    [Fact]
    public async Task A_stream_waiting_on_one_host_sees_an_activity_another_host_stored()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var streaming = new PostgreSqlDirectLineStore(_db, new DirectLineLimits(100L << 20, 1000L << 20, 1000), crossHostPoll: TimeSpan.FromMilliseconds(100));
        var replying = new PostgreSqlDirectLineStore(otherHost, new DirectLineLimits(100L << 20, 1000L << 20, 1000));
        streaming.GetOrCreate("c1", "u", false, Now);

        var waiting = streaming.ChangedAsync("c1", 0, CancellationToken.None);
        await Task.Delay(250);
        Assert.False(waiting.IsCompleted);
        Add(replying, "c1", 100, withinQuota: false);

        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([1], streaming.After("c1", 0, long.MaxValue).Select(a => a.Seq));
    }

    [Fact]
    public void A_host_creating_a_conversation_another_host_just_created_gets_the_stored_one()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store(), new PostgreSqlDirectLineStore(otherHost, new DirectLineLimits(100L << 20, 1000L << 20, 1000)) };

        var results = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].GetOrCreate($"c{i / 8}", $"user-{i}", false, Now)!.Value).ToArray();

        Assert.Equal(2, results.Count(r => r.Created));
        Assert.All(results.GroupBy(r => r.Conversation.Id), g => Assert.Single(g.Select(r => r.Conversation.UserId).Distinct()));
    }

    [Fact]
    public async Task A_stream_on_one_host_is_woken_by_another_hosts_append_through_the_change_feed_and_after_a_resync()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        using var stop = new CancellationTokenSource();
        var (feedA, feedB) = (new PostgreSqlChangeFeed(_db), new PostgreSqlChangeFeed(otherHost));
        var listening = new[] { feedA.RunAsync(stop.Token), feedB.RunAsync(stop.Token) };
        for (var i = 0; i < 500 && !(feedA.Listening && feedB.Listening); i++) await Task.Delay(20);
        // A re-read bound far beyond the test's wait: only the notice (or the resync) can wake the stream in time.
        var limits = new DirectLineLimits(100L << 20, 1000L << 20, 1000);
        var streaming = new PostgreSqlDirectLineStore(_db, limits, feedA, crossHostPoll: TimeSpan.FromMinutes(5));
        var replying = new PostgreSqlDirectLineStore(otherHost, limits, feedB);
        streaming.GetOrCreate("c1", "u", false, Now);
        streaming.GetOrCreate("c2", "u", false, Now);

        var waiting = streaming.ChangedAsync("c1", 0, CancellationToken.None);
        var other = streaming.ChangedAsync("c2", 0, CancellationToken.None);
        await Task.Delay(200);
        Assert.False(waiting.IsCompleted);
        Add(replying, "c1", 100, withinQuota: false);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(other.IsCompleted);

        // An append whose notice is lost (here: made with no feed) is found when the feed resyncs after reconnecting.
        Add(new PostgreSqlDirectLineStore(otherHost, limits), "c2", 100, withinQuota: false);
        await Task.Delay(300);
        Assert.False(other.IsCompleted);
        await using (var kill = _db.CreateCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'"))
            await kill.ExecuteNonQueryAsync();
        await other.WaitAsync(TimeSpan.FromSeconds(10));

        await stop.CancelAsync();
        await Task.WhenAll(listening);
    }

    public void Dispose() => _db.Dispose();
}
