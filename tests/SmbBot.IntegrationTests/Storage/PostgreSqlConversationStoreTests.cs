using Npgsql;
using SmbBot.Core.Conversations;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Conversations;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The conversation store contract on PostgreSQL: a database of its own per test, brought to the schema by the migrator.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly NpgsqlDataSource _db;

    public PostgreSqlConversationStoreTests(PostgreSqlTestCluster cluster)
    {
        _db = NpgsqlDataSource.Create(cluster.NewDatabase());
        SchemaMigrator.ApplyAsync(_db).GetAwaiter().GetResult();
        Store = new PostgreSqlConversationStore(_db);
    }

    protected override IConversationStore Store { get; }

    public void Dispose() => _db.Dispose();
}
