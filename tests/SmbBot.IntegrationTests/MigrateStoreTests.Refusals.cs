using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SmbBot.Host.Runtime;
using SmbBot.Host.StoreMigration;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.PostgreSql.Import;
using SmbBot.PostgreSql.Migrations;

namespace SmbBot.IntegrationTests;

// What migrate-store refuses, and the guards that no store or table is left out of it.
public sealed partial class MigrateStoreTests
{
    [Fact]
    public async Task A_database_that_holds_data_is_refused_with_its_tables_and_nothing_is_written()
    {
        var source = await Shared.Value;
        var database = cluster.NewDatabase();
        Assert.Equal(0, (await InProcess(Settings(source.Data, database), "migrate-store")).ExitCode);
        var before = Occupied(database);

        var (exitCode, output, errors) = await HostProcess.RunAsync(Settings(source.Data, database), TimeSpan.FromSeconds(60), "migrate-store");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("already holds data (tickets 1, ", errors);
        Assert.Contains("staff_accounts 1", errors);
        Assert.Contains("Nothing was written", errors);
        Assert.Equal(before, Occupied(database));
    }

    [Fact]
    public async Task A_running_host_keeps_its_folder_and_a_backup_taken_while_it_runs_is_moved_instead()
    {
        var source = await Shared.Value;
        var refused = source.WhileRunning;
        Assert.Equal((1, ""), (refused.ExitCode, refused.Output));
        Assert.Contains($"SmbBot is running on {source.Data}", refused.Errors);
        Assert.Contains("migrate-store --from <file>", refused.Errors);
        Assert.Contains("Nothing was moved", refused.Errors);
        var database = cluster.NewDatabase();

        var (exitCode, output, errors) = await HostProcess.RunAsync(Settings(source.Data, database), TimeSpan.FromSeconds(60), "migrate-store", "--from", source.Backup);

        Assert.Equal((0, ""), (exitCode, errors));
        Assert.Contains($"moving {source.Backup} into ", output);
        Assert.Contains("tickets 1, ", output);
        Assert.Equal(1, Occupied(database)["tickets"]);
    }

    [Fact]
    public async Task Bad_input_gets_one_line_without_the_password_and_writes_nothing()
    {
        var source = await Shared.Value;
        var down = $"Host=127.0.0.1;Port={LoopbackPort.Free()};Database=smbbot;Username=smbbot;Password=secret-pw-7;Timeout=3";
        var missing = Path.Combine(RepoPaths.NewTempFolder(), "nothing-here");
        var damaged = Path.Combine(RepoPaths.NewTempFolder(), "damaged.db");
        await File.WriteAllBytesAsync(damaged, new byte[8192]);
        var unknown = Path.Combine(RepoPaths.NewTempFolder(), "unknown.db");
        using (var db = new LiteDB.LiteDatabase(new LiteDB.ConnectionString { Filename = unknown, Connection = LiteDB.ConnectionType.Direct }))
            db.GetCollection("gift_cards").Insert(new LiteDB.BsonDocument { ["_id"] = "G-1", ["balance"] = 20 });
        var untouched = cluster.NewDatabase();

        var cases = new (Dictionary<string, string> Settings, string[] Args, string Expected)[]
        {
            (Settings(source.Data, down), ["migrate-store"], "cannot be used"),
            (Settings(missing, cluster.NewDatabase()), ["migrate-store"], $"there is no data folder at {missing}"),
            (Settings(source.Data, cluster.NewDatabase()), ["migrate-store", "--from", damaged], "the backup "),
            (Settings(source.Data), ["migrate-store"], "give the target database in Storage:ConnectionString"),
            (Settings(source.Data, untouched), ["migrate-store", "--from", unknown], "holds collections this SmbBot does not know how to move (gift_cards)"),
        };
        foreach (var (settings, args, expected) in cases)
        {
            var (exitCode, output, errors) = await InProcess(settings, args);
            Assert.Equal((1, "", 1), (exitCode, output, errors.TrimEnd().Split('\n').Length));
            Assert.StartsWith("error: ", errors);
            Assert.Contains(expected, errors);
            Assert.DoesNotContain("secret-pw-7", errors);
        }
        Assert.False(Directory.Exists(missing));
        Assert.Empty(Occupied(untouched));
    }

    [Fact]
    public void Every_store_registered_for_PostgreSQL_is_moved_or_holds_nothing_to_move()
    {
        var services = new ServiceCollection();
        PostgreSqlStoreRegistrations.Add(services);
        var covered = StoreMoves.All.SelectMany(m => m.Stores).Concat(StoreMoves.NothingToMove).ToHashSet();

        var forgotten = services.Select(d => d.ServiceType).Where(t => t != typeof(IHostedService) && !covered.Contains(t)).Select(t => t.Name).ToArray();

        Assert.Empty(forgotten);
    }

    [Fact]
    public async Task Every_table_of_the_schema_is_moved_or_named_as_staying_behind()
    {
        await using var pg = NpgsqlDataSource.Create(cluster.NewDatabase());
        await SchemaMigrator.ApplyAsync(pg);
        await using var read = pg.CreateCommand("SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'");
        var tables = new List<string>();
        await using (var r = await read.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));

        Assert.Empty(tables.Except(PostgreSqlImport.DataTables).Except(PostgreSqlImport.NotMoved.Keys));
        Assert.Empty(PostgreSqlImport.DataTables.Except(tables));
    }

    private static Dictionary<string, long> Occupied(string database)
    {
        using var pg = NpgsqlDataSource.Create(database);
        return PostgreSqlImport.Occupied(pg).ToDictionary();
    }
}
