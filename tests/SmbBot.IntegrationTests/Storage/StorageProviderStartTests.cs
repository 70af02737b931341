using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// The host started with Storage:Provider PostgreSql: the database reached and migrated before anything reads it, a
/// database that cannot be reached reported in one line.
/// </summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class StorageProviderStartTests(PostgreSqlTestCluster cluster) : IDisposable
{
    private const string Password = "pg-password-never-shown-7731";
    private readonly string _folder = RepoPaths.NewTempFolder();

    private Dictionary<string, string> Settings(string connectionString) => new()
    {
        ["Storage__DataPath"] = Path.Combine(_folder, "data"), ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = connectionString,
    };

    [Fact]
    public async Task PostgreSql_migrates_the_database_at_start_and_serves_with_its_state_there_never_showing_the_password()
    {
        var database = new NpgsqlConnectionStringBuilder(cluster.NewDatabase()) { Password = Password }.ConnectionString;

        using var host = await HostProcess.StartAsync(Settings(database));
        var ready = await host.Client.GetFromJsonAsync<JsonObject>("/health/ready");
        var replies = await Activities.AskAsync(host.Client, "I want to talk to a person");

        Assert.Equal("PostgreSql", (string?)ready!["store"]!["provider"]);
        Assert.Equal(SchemaMigrations.Latest, (int)ready["store"]!["schemaVersion"]!);
        var number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
        await using var db = NpgsqlDataSource.Create(database);
        await using (var read = db.CreateCommand("SELECT max(version) FROM schema_version"))
            Assert.Equal(SchemaMigrations.Latest, (int)(await read.ExecuteScalarAsync())!);
        await using (var tickets = db.CreateCommand("SELECT count(*) FROM tickets"))
            Assert.Equal(1L, (long)(await tickets.ExecuteScalarAsync())!);
        Assert.StartsWith("T-", number);
        host.Kill();
        Assert.DoesNotContain(Password, await host.OutputAsync());
    }

    [Fact]
    public async Task The_backup_command_on_PostgreSql_says_to_back_up_the_database_instead()
    {
        var (exitCode, output, errors) = await HostProcess.RunAsync(Settings(cluster.NewDatabase()), TimeSpan.FromSeconds(60), "backup");

        Assert.Equal(1, exitCode);
        Assert.Contains("Storage:Provider is PostgreSql", errors);
        Assert.Contains("pg_dump", errors);
        Assert.DoesNotContain("backup written", output);
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_stops_the_start_with_one_line_within_the_connect_timeout()
    {
        var port = LoopbackPort.Free();
        var nowhere = $"Host=127.0.0.1;Port={port};Database=smbbot;Username=smbbot;Password={Password};Timeout=5";
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, output, errors) = await HostProcess.RunAsync(Settings(nowhere), TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"SmbBot cannot start: the PostgreSQL database 127.0.0.1:{port}/smbbot (Storage:ConnectionString) cannot be used: ", errors);
        Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("not complete yet", errors);
        Assert.DoesNotContain(Password, output + errors);
        Assert.False(File.Exists(Path.Combine(_folder, "data", "smbbot.db")), "no LiteDB file is made when the store is PostgreSQL");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"the start took {clock.Elapsed}");
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);
}
