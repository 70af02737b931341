using SmbBot.PostgreSql;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.UnitTests.Storage;

/// <summary>Storage:Provider and Storage:ConnectionString as an owner writes them, and the product's schema files.</summary>
public class StorageSettingsTests
{
    private const string Secret = "s3cret-never-shown";

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("LiteDb", null)]
    [InlineData(" litedb ", "  ")]
    public void LiteDb_is_the_default_and_needs_no_connection_string(string? provider, string? connectionString)
    {
        Assert.Equal((StorageProvider.LiteDb, 0), Checked(provider, connectionString));
    }

    [Theory]
    [InlineData("Mongo", null, "Storage:Provider must be LiteDb or PostgreSql, not 'Mongo'")]
    [InlineData("1", null, "Storage:Provider must be LiteDb or PostgreSql, not '1'")]
    [InlineData("LiteDb", "Host=db", "Storage:ConnectionString is set but Storage:Provider is LiteDb")]
    [InlineData("PostgreSql", null, "Storage:ConnectionString is required when Storage:Provider is PostgreSql")]
    [InlineData("postgresql", " ", "Storage:ConnectionString is required when Storage:Provider is PostgreSql")]
    [InlineData("PostgreSql", "Database=smbbot;Password=" + Secret, "Storage:ConnectionString names no server: add Host=")]
    [InlineData("PostgreSql", "Host=db;Colour=blue;Password=" + Secret, "Storage:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("PostgreSql", "Host=db;Port=eighty;Password=" + Secret, "Storage:ConnectionString is not a valid PostgreSQL connection string")]
    [InlineData("PostgreSql", "this is not one " + Secret, "Storage:ConnectionString is not a valid PostgreSQL connection string")]
    public void A_wrong_setting_is_named_and_the_password_is_never_repeated(string? provider, string? connectionString, string expected)
    {
        var problem = Assert.Single(StorageSettings.Check(provider, connectionString).Problems);

        Assert.StartsWith(expected, problem);
        Assert.DoesNotContain(Secret, problem);
    }

    [Fact]
    public void A_complete_PostgreSql_setting_is_accepted_now_that_every_store_has_a_PostgreSQL_implementation()
    {
        var (provider, problems) = StorageSettings.Check("PostgreSql", "Host=db.internal;Database=smbbot;Username=smbbot;Password=" + Secret);
        var refusal = StorageSettings.Incomplete();

        Assert.Equal((StorageProvider.PostgreSql, 0), (provider, problems.Count));
        Assert.Empty(PostgreSqlStores.Missing);
        Assert.Null(refusal);
        Assert.Equal(11, PostgreSqlStores.Done.Count);
        Assert.Contains("knowledge versions", PostgreSqlStores.Done);
    }

    [Theory]
    [InlineData("Host=db.internal;Database=smbbot;Username=smbbot;Password=" + Secret, "db.internal:5432/smbbot")]
    [InlineData("Host=10.0.0.5;Port=6432;Username=bot;Password=" + Secret, "10.0.0.5:6432/bot")]
    public void A_database_is_described_by_server_port_and_name_never_the_password(string connectionString, string expected)
    {
        Assert.Equal(expected, StorageSettings.Describe(connectionString));
    }

    [Fact]
    public void The_schema_files_are_numbered_from_one_without_gaps_and_named()
    {
        Assert.Equal(Enumerable.Range(1, SchemaMigrations.All.Count), SchemaMigrations.All.Select(m => m.Version));
        Assert.Equal("tickets", SchemaMigrations.All[0].Name);
        Assert.All(SchemaMigrations.All, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    private static (StorageProvider?, int) Checked(string? provider, string? connectionString)
    {
        var (p, problems) = StorageSettings.Check(provider, connectionString);
        return (p, problems.Count);
    }
}
