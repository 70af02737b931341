using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Jobs;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>Periodic jobs run once per interval across hosts on one database, and go on when a host is gone.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlJobClaimsTests : IDisposable
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly DateTime Start = new(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc);
    private readonly NpgsqlDataSource _hostA;
    private readonly NpgsqlDataSource _hostB;
    private readonly PostgreSqlJobClaims _a;
    private readonly PostgreSqlJobClaims _b;

    public PostgreSqlJobClaimsTests(PostgreSqlTestCluster cluster)
    {
        var database = cluster.NewDatabase();
        _hostA = NpgsqlDataSource.Create(database);
        _hostB = NpgsqlDataSource.Create(database);
        SchemaMigrator.ApplyAsync(_hostA).GetAwaiter().GetResult();
        _a = new PostgreSqlJobClaims(_hostA, "host-a");
        _b = new PostgreSqlJobClaims(_hostB, "host-b");
    }

    [Fact]
    public void Two_hosts_whose_timers_tick_in_one_interval_run_the_pass_once()
    {
        Assert.True(_a.TryClaim("janitor", Start, Hour));
        Assert.False(_b.TryClaim("janitor", Start.AddMinutes(20), Hour));
        Assert.False(_a.TryClaim("janitor", Start.AddMinutes(50), Hour));

        // The next interval: whichever ticks first runs it, the other does not.
        Assert.True(_b.TryClaim("janitor", Start.AddMinutes(80), Hour));
        Assert.False(_a.TryClaim("janitor", Start.AddMinutes(110), Hour));
        Assert.True(_a.TryClaim("janitor", Start.AddMinutes(140), Hour));
    }

    [Fact]
    public void Jobs_are_claimed_each_on_their_own()
    {
        Assert.True(_a.TryClaim("janitor", Start, Hour));
        Assert.True(_b.TryClaim("unclaimed-watch", Start, TimeSpan.FromSeconds(30)));
        Assert.False(_a.TryClaim("unclaimed-watch", Start.AddSeconds(10), TimeSpan.FromSeconds(30)));
        Assert.True(_a.TryClaim("unclaimed-watch", Start.AddSeconds(30), TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void When_one_host_is_gone_the_other_runs_every_interval()
    {
        Assert.True(_a.TryClaim("janitor", Start, Hour));
        for (int hour = 1; hour <= 3; hour++)
            Assert.True(_b.TryClaim("janitor", Start.AddHours(hour).AddMinutes(5), Hour));
    }

    [Fact]
    public void Many_hosts_claiming_at_once_give_exactly_one_pass()
    {
        var claims = Enumerable.Range(0, 8).Select(i => new PostgreSqlJobClaims(i % 2 == 0 ? _hostA : _hostB, $"host-{i}")).ToArray();
        var won = claims.AsParallel().WithDegreeOfParallelism(8).Count(c => c.TryClaim("weekly", Start, Hour));
        Assert.Equal(1, won);
    }

    public void Dispose()
    {
        _hostA.Dispose();
        _hostB.Dispose();
    }
}
