using System.Diagnostics;
using LiteDB;
using Microsoft.Extensions.Configuration;
using SmbBot.Core.Tickets;
using SmbBot.Host.Cli;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.Benchmarks;

/// <summary>
/// <c>migrate-store</c> at many tickets: a data folder whose LiteDB file holds the queue benchmark's tickets
/// (<see cref="TicketStoreBench"/>: 12 transcript messages each), moved by the verb into a throw-away PostgreSQL 15
/// cluster (as the tests start it: no fsync). The verb prints its own time; the wall clock includes opening both.
/// </summary>
public static class MigrateStoreBench
{
    public static async Task RunAsync(int tickets)
    {
        var folder = RepoPaths.NewTempFolder();
        try
        {
            var data = Path.Combine(folder, "data");
            Directory.CreateDirectory(data);
            var file = Path.Combine(data, "smbbot.db");
            using (var db = new LiteDatabase(new LiteDB.ConnectionString { Filename = file, Connection = ConnectionType.Direct }) { UtcDate = true })
                TicketStoreBench.Run(new LiteDbTicketStore(db), tickets, 500, () => 0);
            Console.WriteLine($"LiteDB file: {tickets} tickets, {new FileInfo(file).Length / (1024 * 1024)} MB");

            using var cluster = new PostgreSqlTestCluster();
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataPath"] = data,
                ["Storage:ConnectionString"] = cluster.NewDatabase(),
            }).Build();
            var clock = Stopwatch.StartNew();
            var exitCode = await CommandLine.RunAsync("migrate-store", ["migrate-store"], configuration);
            Console.WriteLine($"exit code {exitCode}, wall clock {clock.Elapsed.TotalSeconds:0.0} s");
        }
        finally
        {
            RepoPaths.DeleteFolder(folder);
        }
    }
}
