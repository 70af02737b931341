namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>The test classes that share one <see cref="PostgreSqlTestCluster"/> (started once per test run).</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlTestCluster>
{
    public const string Name = "PostgreSQL";
}
