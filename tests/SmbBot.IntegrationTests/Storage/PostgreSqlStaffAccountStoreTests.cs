using Npgsql;
using SmbBot.Core.Staff;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Staff;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The staff account store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStaffAccountStoreTests : StaffAccountStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlStaffAccountStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlStaffAccountStore(_db);
    }

    protected override IStaffAccountStore Store { get; }

    [Fact]
    public void Two_hosts_adding_one_email_at_once_store_one_account()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlStaffAccountStore(otherHost) };

        var stored = Enumerable.Range(0, 16).AsParallel().WithDegreeOfParallelism(8)
            .Select(i => hosts[i % 2].Insert(Account("Kim"))).ToArray();

        Assert.Equal(1, stored.Count(s => s));
        Assert.Single(Store.All());
    }

    [Fact]
    public void Two_hosts_disabling_the_last_two_admins_at_once_leave_one_enabled()
    {
        using var otherHost = NpgsqlDataSource.Create(_db.ConnectionString);
        var hosts = new[] { Store, new PostgreSqlStaffAccountStore(otherHost) };
        for (int round = 0; round < 10; round++)
        {
            var (ann, bo) = (Account($"Ann{round}", StaffRoles.Admin), Account($"Bo{round}", StaffRoles.Admin));
            Store.Insert(ann);
            Store.Insert(bo);
            foreach (var earlier in Store.All().Where(a => a.Id != ann.Id && a.Id != bo.Id)) Store.SetDisabled(earlier.Id, true);

            var problems = new[] { ann, bo }.AsParallel().WithDegreeOfParallelism(2)
                .Select((a, i) => hosts[i].SetDisabled(a.Id, true)).ToArray();

            Assert.Single(problems, p => p is null);
            Assert.Single(problems, p => p == "the last admin cannot be disabled");
            Assert.Single(Store.All(), a => a.Role == StaffRoles.Admin && !a.Disabled);
        }
    }

    public void Dispose() => _db.Dispose();
}
