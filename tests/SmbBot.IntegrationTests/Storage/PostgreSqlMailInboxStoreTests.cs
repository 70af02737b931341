using System.Collections.Concurrent;
using Npgsql;
using SmbBot.Core.CustomerMail;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.CustomerMail;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The handled e-mails contract on PostgreSQL, and two hosts reading the same mailbox at once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlMailInboxStoreTests : MailInboxStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlMailInboxStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlMailInboxStore(_db);
    }

    protected override IMailInboxStore Store { get; }

    [Fact]
    public void Two_hosts_recording_the_same_emails_at_once_keep_one_record_each_the_first()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        IMailInboxStore[] hosts = [Store, new PostgreSqlMailInboxStore(otherHost)];
        var firsts = new ConcurrentBag<(string Key, InboundOutcome Outcome)>();

        // Both hosts read the same 50 e-mails; each decides its own outcome, as two intakes racing would.
        Parallel.For(0, 100, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
        {
            var (key, outcome) = ($"m{i % 50}@example.net", i < 50 ? InboundOutcome.OnTicket : InboundOutcome.NoTicket);
            if (hosts[i % 2].Record(key, outcome, null, Now)) firsts.Add((key, outcome));
        });

        Assert.Equal(50, firsts.Count);
        Assert.Equal(50, firsts.Select(f => f.Key).Distinct().Count());
        Assert.Equal(50, Store.Counts().Values.Sum());
        Assert.All(firsts, f => Assert.Equal(f.Outcome, hosts[1].Get(f.Key)!.Outcome));
    }

    public void Dispose() => _db.Dispose();
}
