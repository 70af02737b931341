using Npgsql;
using SmbBot.Core.Insight;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Insight;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The insight contracts on PostgreSQL, and two hosts counting the same day at once.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlInsightStoreTests : UnansweredStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlInsightStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        (Store, Unanswered, Changes) = (new PostgreSqlInsightStore(_db), new PostgreSqlUnansweredStore(_db), new PostgreSqlInboxChangeStore(_db));
    }

    protected override IInsightStore Store { get; }

    protected override IUnansweredStore Unanswered { get; }

    protected override IInboxChangeStore Changes { get; }

    [Fact]
    public void Two_hosts_changing_one_conversation_and_others_of_its_day_at_once_lose_no_count()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        IInsightStore[] hosts = [Store, new PostgreSqlInsightStore(otherHost)];

        // A third of the changes answer one shared conversation; the rest start conversations of the same day.
        Parallel.For(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i => hosts[i % 2].Update(i % 3 == 0 ? "shared" : $"c{i}", row =>
        {
            row ??= Started(i % 3 == 0 ? "shared" : $"c{i}", Day);
            row.Facts.Add(new TurnFact { At = Now, Kind = TurnKind.Answered, FaqId = "returns" });
            return row;
        }, Counts));

        var day = Assert.Single(Store.Days(Day, Day));
        Assert.Equal((41, 60, 60), (day[InsightKeys.Conversations], day[InsightKeys.Messages], day[Answered]));
        Assert.Equal(20, Store.Conversations(Day, Day).Single(r => r.Id == "shared").Facts.Count);
        var week = Store.RolledUp(InsightWeek.MondayOf(Day), InsightWeek.MondayOf(Day).AddDays(6));
        Assert.Equal((41, 60), (week.Sum(d => d[InsightKeys.Conversations]), week.Sum(d => d[InsightKeys.Messages])));
    }

    public void Dispose() => _db.Dispose();
}
