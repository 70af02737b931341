using System.Globalization;
using Npgsql;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.Benchmarks;

/// <summary>
/// Turns per second of the website chat (the load benchmark's scripted conversations over Direct Line and its
/// WebSocket) in one run on three setups: one host on LiteDB, one host on PostgreSQL, and two hosts on PostgreSQL behind
/// nginx (round robin, as deployment/two-hosts). PostgreSQL is a throw-away cluster, reached through a
/// <see cref="RoundTripCounter"/>, so each turn's database round trips are counted (the hosts' background work in the
/// same seconds included).
/// </summary>
public static class MultiHostBench
{
    private const int Concurrency = 8;

    public static async Task RunAsync(int seconds)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var scenario = new Scenario(RepoPaths.Knowledge, Path.Combine(RepoPaths.Root, "tests", "SmbBot.IntegrationTests", "Conversations", "sample-shop.csv"));
        var duration = TimeSpan.FromSeconds(seconds);
        var folder = RepoPaths.NewTempFolder();
        Console.WriteLine($"SmbBot multi-host benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, " +
            $"{Concurrency} website chats, {seconds} s per setup, load average before {LoadAverage()}");
        Console.WriteLine($"  {"setup",-34} {"turns/s",8} {"p50 ms",8} {"p95 ms",8} {"errors",7} {"hosts CPU",10} {"machine CPU",12} {"db trips/turn",14}");
        try
        {
            using var cluster = new PostgreSqlTestCluster();
            using var counter = new RoundTripCounter(cluster.Port);
            var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

            using (var lite = await HostUnderTest.StartAsync(Path.Combine(folder, "lite")))
                await MeasureAsync("1 host, LiteDB", lite.Address, [lite], scenario, duration, counter: null);

            var one = Database(cluster, counter);
            using (var host = await HostUnderTest.StartAsync(Path.Combine(folder, "pg1"), Postgres(one, secret, publicUrl: null)))
                await MeasureAsync("1 host, PostgreSQL", host.Address, [host], scenario, duration, counter);

            var two = Database(cluster, counter);
            var proxyPort = LoopbackPort.Free();
            using var a = await HostUnderTest.StartAsync(Path.Combine(folder, "pg2a"), Postgres(two, secret, $"http://127.0.0.1:{proxyPort}"));
            using var b = await HostUnderTest.StartAsync(Path.Combine(folder, "pg2b"), Postgres(two, secret, $"http://127.0.0.1:{proxyPort}"));
            using var proxy = await NginxProxy.StartAsync(proxyPort, [a.Address, b.Address]);
            await MeasureAsync("2 hosts, PostgreSQL, nginx", new Uri(proxy.Address), [a, b], scenario, duration, counter);
        }
        finally
        {
            RepoPaths.DeleteFolder(folder);
        }
        Console.WriteLine($"load average after {LoadAverage()}");
    }

    private static async Task MeasureAsync(string setup, Uri address, HostUnderTest[] hosts, Scenario scenario, TimeSpan duration, RoundTripCounter? counter)
    {
        TimeSpan Cpu() => hosts.Aggregate(TimeSpan.Zero, (sum, h) => sum + h.CpuTime());
        await DirectLineRun.RunAsync(address, Cpu, scenario, Concurrency, TimeSpan.FromSeconds(3), seed: 1); // warm-up, not reported
        var tripsBefore = counter?.Sends ?? 0;
        var machineBefore = MachineCpu.Read();
        var result = await DirectLineRun.RunAsync(address, Cpu, scenario, Concurrency, duration, seed: 700);
        var machine = MachineCpu.Read().BusyShareSince(machineBefore);
        var trips = counter is null ? "-" : ((counter.Sends - tripsBefore) / (double)Math.Max(1, result.Turns)).ToString("0.0", CultureInfo.InvariantCulture);
        var sorted = result.Samples.Where(s => s.Ok).Select(s => s.Milliseconds).Order().ToArray();
        Console.WriteLine($"  {setup,-34} {result.TurnsPerSecond,8:0.0} {Stats.Percentile(sorted, 50),8:0.0} {Stats.Percentile(sorted, 95),8:0.0} " +
            $"{result.Errors,7} {result.CpuPercent,9:0}% {machine,11:P0} {trips,14}");
    }

    private static string Database(PostgreSqlTestCluster cluster, RoundTripCounter counter) =>
        new NpgsqlConnectionStringBuilder(cluster.NewDatabase()) { Port = counter.Port, MaxPoolSize = 50 }.ConnectionString;

    private static Dictionary<string, string> Postgres(string connectionString, string secret, string? publicUrl)
    {
        var settings = new Dictionary<string, string>
        {
            ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = connectionString, ["DirectLine__Secret"] = secret,
        };
        if (publicUrl is not null) settings["DirectLine__PublicUrl"] = publicUrl;
        return settings;
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>The whole machine's CPU counters from /proc/stat (busy and total jiffies).</summary>
    private readonly record struct MachineCpu(long Busy, long Total)
    {
        public static MachineCpu Read()
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var total = fields.Sum();
            return new MachineCpu(total - fields[3] - fields[4], total); // idle and iowait are not busy
        }

        public double BusyShareSince(MachineCpu before) => (Busy - before.Busy) / (double)Math.Max(1, Total - before.Total);
    }
}
