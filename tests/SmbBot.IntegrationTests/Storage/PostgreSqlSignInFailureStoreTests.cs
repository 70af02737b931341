using Microsoft.Extensions.Options;
using Npgsql;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Staff;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The failed sign-in store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlSignInFailureStoreTests : SignInFailureStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlSignInFailureStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlSignInFailureStore(_db);
    }

    protected override ISignInFailureStore Store { get; }

    [Fact]
    public void Guessing_through_two_hosts_at_once_is_counted_and_slowed_as_through_one()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var throttles = new[] { Store, new PostgreSqlSignInFailureStore(otherHost) }
            .Select(s => new SignInThrottle(Options.Create(new StaffOptions()), TimeProvider.System, s)).ToArray();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i => throttles[i % 2].Failed(" Kim@Example.com", "10.0.0.1"));

        Assert.Equal(40, Store.Get("kim@example.com", "10.0.0.1")!.Value.Count);
        Assert.NotNull(throttles[0].Wait("kim@example.com", "10.0.0.1"));
        Assert.NotNull(throttles[1].Wait("KIM@example.com", "10.0.0.1"));
        Assert.Null(throttles[1].Wait("kim@example.com", "10.0.0.2"));
    }

    public void Dispose() => _db.Dispose();
}
