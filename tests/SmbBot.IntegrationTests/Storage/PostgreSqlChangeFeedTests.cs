using System.Collections.Concurrent;
using Npgsql;
using SmbBot.Core.Storage;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Changes;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>Changes made on one host reach the others through LISTEN/NOTIFY, also after the listening connection dropped.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlChangeFeedTests : IAsyncLifetime
{
    private readonly NpgsqlDataSource _hostA;
    private readonly NpgsqlDataSource _hostB;
    private readonly PostgreSqlChangeFeed _a;
    private readonly PostgreSqlChangeFeed _b;
    private readonly BlockingCollection<Change> _atA = [];
    private readonly BlockingCollection<Change> _atB = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _runA = Task.CompletedTask, _runB = Task.CompletedTask;

    public PostgreSqlChangeFeedTests(PostgreSqlTestCluster cluster)
    {
        var database = cluster.NewDatabase();
        _hostA = NpgsqlDataSource.Create(database);
        _hostB = NpgsqlDataSource.Create(database);
        _a = new PostgreSqlChangeFeed(_hostA);
        _b = new PostgreSqlChangeFeed(_hostB);
        _a.Received += _atA.Add;
        _b.Received += _atB.Add;
    }

    public async Task InitializeAsync()
    {
        _runA = _a.RunAsync(_stop.Token);
        _runB = _b.RunAsync(_stop.Token);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!(_a.Listening && _b.Listening) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(_a.Listening && _b.Listening);
    }

    [Fact]
    public void A_change_reaches_the_other_host_and_not_its_own()
    {
        _a.Publish("ticket", "42");

        Assert.True(_atB.TryTake(out var change, TimeSpan.FromSeconds(10)));
        Assert.Equal(new Change("ticket", "42"), change);
        Assert.False(_atA.TryTake(out _, TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public async Task After_its_connection_drops_a_host_listens_again_and_is_told_to_resync()
    {
        await using (var admin = await _hostA.OpenConnectionAsync())
        await using (var kill = new NpgsqlCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()", admin))
        {
            Assert.Equal(2L, await kill.ExecuteScalarAsync());
        }

        Assert.True(_atB.TryTake(out var resync, TimeSpan.FromSeconds(20)));
        Assert.Equal(Change.Resync, resync);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!_a.Listening && DateTime.UtcNow < deadline) await Task.Delay(20);
        _a.Publish("chat", "conv-1");
        Change? next = null;
        Assert.True(_atB.TryTake(out next, TimeSpan.FromSeconds(10)));
        Assert.Equal(new Change("chat", "conv-1"), next);
    }

    [Fact]
    public void Publishing_with_the_database_unreachable_loses_only_the_notice()
    {
        var unreachable = new NpgsqlConnectionStringBuilder(_hostA.ConnectionString) { Port = 1, Timeout = 2 }.ConnectionString;
        using var down = NpgsqlDataSource.Create(unreachable);
        new PostgreSqlChangeFeed(down).Publish("ticket", "7");
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_runA, _runB).WaitAsync(TimeSpan.FromSeconds(10));
        _hostA.Dispose();
        _hostB.Dispose();
        _stop.Dispose();
    }
}
