using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmbBot.Core.Conversations;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Insight;
using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;
using SmbBot.Core.Tickets;
using SmbBot.Core.Storage;
using SmbBot.Host.Alerts;
using SmbBot.Host.Backups;
using SmbBot.Host.CustomerMail;
using SmbBot.Host.Insight;
using SmbBot.Host.Runtime;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.Knowledge.VectorStore;
using SmbBot.PostgreSql.Changes;
using SmbBot.PostgreSql.Conversations;
using SmbBot.PostgreSql.CustomerMail;
using SmbBot.PostgreSql.Insight;
using SmbBot.PostgreSql.Jobs;
using SmbBot.PostgreSql.Outbox;
using SmbBot.PostgreSql.Privacy;
using SmbBot.PostgreSql.Faq;
using SmbBot.PostgreSql.Migrations;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>Which store is registered for each store interface, by Storage:Provider (the registrations, without a host).</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StorageRegistrationTests(PostgreSqlTestCluster cluster)
{
    private static IServiceCollection Registered(string? provider, string? connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = provider, ["Storage:ConnectionString"] = connectionString,
        }).Build();
        var services = new ServiceCollection();
        services.AddSmbBotRuntime(configuration);
        services.AddBackups(configuration);
        services.AddStaffAlerts(configuration);
        services.AddCustomerMail();
        services.AddInsight();
        services.AddStorageProvider(configuration);
        return services;
    }

    private static Type? Implementation<T>(IServiceCollection services) => Assert.Single(services, d => d.ServiceType == typeof(T)).ImplementationType;

    [Theory]
    [InlineData(null, null)]
    [InlineData("LiteDb", null)]
    [InlineData("Mongo", "Host=db")] // refused when the settings are validated; nothing of PostgreSQL is registered
    public void LiteDb_keeps_the_LiteDB_stores_and_no_database_connection(string? provider, string? connectionString)
    {
        var services = Registered(provider, connectionString);

        Assert.Equal(typeof(LiteDbTicketStore), Implementation<ITicketStore>(services));
        Assert.Equal(typeof(LiteDbConversationStore), Implementation<IConversationStore>(services));
        Assert.Equal(typeof(LiteDbOutboxStore), Implementation<IOutboxStore>(services));
        Assert.Equal(typeof(LiteDbMailInboxStore), Implementation<IMailInboxStore>(services));
        Assert.Equal(typeof(LiteDbAuditLog), Implementation<IAuditLog>(services));
        Assert.Equal(typeof(LiteDbInsightStore), Implementation<IInsightStore>(services));
        Assert.Equal(typeof(LiteDbUnansweredStore), Implementation<IUnansweredStore>(services));
        Assert.Equal(typeof(LiteDbInboxChangeStore), Implementation<IInboxChangeStore>(services));
        Assert.Equal(typeof(LiteDbStoreCheck), Implementation<IStoreCheck>(services));
        Assert.NotNull(Assert.Single(services, d => d.ServiceType == typeof(FaqPhrasingCollection)).ImplementationFactory);
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(NpgsqlDataSource));
        Assert.Contains(services, d => d.ImplementationType == typeof(BackupScheduler));
    }

    [Fact]
    public void PostgreSql_replaces_every_store_done_with_its_PostgreSQL_store_over_one_data_source()
    {
        var services = Registered("postgresql", "Host=db.internal;Database=smbbot;Username=smbbot;Password=x");

        Assert.Equal(typeof(PostgreSqlTicketStore), Implementation<ITicketStore>(services));
        Assert.Equal(typeof(PostgreSqlConversationStore), Implementation<IConversationStore>(services));
        Assert.Equal(typeof(PostgreSqlOutboxStore), Implementation<IOutboxStore>(services));
        Assert.Equal(typeof(PostgreSqlMailInboxStore), Implementation<IMailInboxStore>(services));
        Assert.Equal(typeof(PostgreSqlAuditLog), Implementation<IAuditLog>(services));
        Assert.Equal(typeof(PostgreSqlInsightStore), Implementation<IInsightStore>(services));
        Assert.Equal(typeof(PostgreSqlUnansweredStore), Implementation<IUnansweredStore>(services));
        Assert.Equal(typeof(PostgreSqlInboxChangeStore), Implementation<IInboxChangeStore>(services));
        Assert.Equal(typeof(PostgreSqlFaqCollection), Implementation<FaqPhrasingCollection>(services));
        Assert.Equal(typeof(PostgreSqlStoreCheck), Implementation<IStoreCheck>(services));
        var source = Assert.Single(services, d => d.ServiceType == typeof(NpgsqlDataSource));
        Assert.Equal(ServiceLifetime.Singleton, source.Lifetime);
        // The scheduled backups copy the LiteDB file, which holds nothing on PostgreSQL.
        Assert.DoesNotContain(services, d => d.ImplementationType == typeof(BackupScheduler));
        Assert.Contains(services, d => d.ImplementationType == typeof(ChangeFeedListener));
    }

    [Fact]
    public void PostgreSql_stores_share_the_data_source_made_from_the_connection_string()
    {
        var services = Registered("PostgreSql", "Host=db.internal;Database=smbbot;Username=smbbot;Password=x");
        using var provider = services.BuildServiceProvider();

        var source = provider.GetRequiredService<NpgsqlDataSource>();

        Assert.Same(source, provider.GetRequiredService<NpgsqlDataSource>());
        Assert.Equal(("db.internal", "smbbot"), (new NpgsqlConnectionStringBuilder(source.ConnectionString).Host, new NpgsqlConnectionStringBuilder(source.ConnectionString).Database));
        Assert.IsType<PostgreSqlTicketStore>(provider.GetRequiredService<ITicketStore>());
        Assert.IsType<PostgreSqlConversationStore>(provider.GetRequiredService<IConversationStore>());
        Assert.IsType<PostgreSqlOutboxStore>(provider.GetRequiredService<IOutboxStore>());
        Assert.IsType<PostgreSqlInsightStore>(provider.GetRequiredService<IInsightStore>());
        Assert.IsType<PostgreSqlConversationLocks>(provider.GetRequiredService<IConversationLocks>());
        Assert.IsType<PostgreSqlJobClaims>(provider.GetRequiredService<IJobClaims>());
        Assert.IsType<PostgreSqlChangeFeed>(provider.GetRequiredService<IChangeFeed>());
    }

    [Fact]
    public async Task On_a_migrated_database_the_FAQ_index_resolves_to_the_PostgreSQL_collection_with_the_embedding_model()
    {
        var database = cluster.NewDatabase();
        await using (var db = NpgsqlDataSource.Create(database)) await SchemaMigrator.ApplyAsync(db);
        var services = Registered("PostgreSql", database);
        await using var provider = services.BuildServiceProvider();

        var index = provider.GetRequiredService<FaqPhrasingCollection>();
        await index.UpsertAsync(FaqCollectionContract.Phrasing("hours#0", "When are you open", 1));
        var results = await index.SearchAsync("when do you open", 1).ToListAsync();

        Assert.IsType<PostgreSqlFaqCollection>(index);
        Assert.Equal("hours#0", Assert.Single(results).Record.Key);
    }
}
