using System.Collections.Concurrent;
using Npgsql;
using SmbBot.Core.Outbox;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Outbox;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The outbox contract on PostgreSQL, and what two hosts' senders on one database do.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlOutboxStoreTests : OutboxStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlOutboxStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlOutboxStore(_db);
    }

    protected override IOutboxStore Store { get; }

    [Fact]
    public void Two_senders_on_one_database_never_send_one_message_twice()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        IOutboxStore[] senders = [Store, new PostgreSqlOutboxStore(otherHost)];
        Store.Enqueue(Enumerable.Range(0, 300).Select(i => Message($"m{i:000}", dueInSeconds: -i % 7)));
        var sent = new ConcurrentBag<string>();

        // Four loops (two per host) take small batches until nothing is due, as the senders' rounds do.
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, loop =>
        {
            var outbox = senders[loop % 2];
            while (outbox.Due(Now, take: 7) is { Count: > 0 } due)
                foreach (var message in due)
                {
                    sent.Add(message.Id);
                    outbox.MarkSent(message.Id, Now);
                }
        });

        Assert.Equal(300, sent.Count);
        Assert.Equal(300, sent.Distinct().Count());
        Assert.Equal(new OutboxHealth(0, 0, 0, null, null), Store.Health());
    }

    [Fact]
    public void A_message_claimed_by_a_host_that_died_goes_to_another_when_the_claim_lapses()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var other = new PostgreSqlOutboxStore(otherHost);
        Store.Enqueue([Message("m")]);

        Assert.Single(Store.Due(Now));
        // This host dies here, before it marks the message.
        var lapses = Now + PostgreSqlOutboxStore.DefaultClaim;
        Assert.Empty(other.Due(Now.AddSeconds(1)));
        Assert.Equal(lapses, other.NextDue()!.Value.ToUniversalTime());

        Assert.Equal(["m"], other.Due(lapses).Select(m => m.Id));
        other.MarkSent("m", lapses);
        Assert.Null(other.NextDue());
    }

    public void Dispose() => _db.Dispose();
}
