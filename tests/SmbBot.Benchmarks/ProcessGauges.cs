using System.Globalization;

namespace SmbBot.Benchmarks;

/// <summary>
/// One reading of a process's resident memory, threads and open file handles (from /proc), and the size of its data
/// folder (LiteDB keeps pages of its files in memory, so memory follows the data's working set).
/// </summary>
public sealed record ProcessGauge(double Minutes, double RssMb, int Threads, int Handles, double DataMb = 0)
{
    public static ProcessGauge Read(int pid, double minutes, string? dataFolder = null)
    {
        double data = dataFolder is null || !Directory.Exists(dataFolder) ? 0
            : new DirectoryInfo(dataFolder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => { try { return f.Length; } catch (IOException) { return 0L; } }) / 1048576.0;
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Field(string key) => double.Parse(status.First(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Split(' ', '\t').Where(p => p.Length > 0).ElementAt(1), CultureInfo.InvariantCulture);
        return new ProcessGauge(minutes, Field("VmRSS") / 1024.0, (int)Field("Threads"), Directory.GetFiles($"/proc/{pid}/fd").Length, data);
    }

    /// <summary>Least-squares slope of <paramref name="value"/> over time, per hour.</summary>
    public static double SlopePerHour(IReadOnlyList<ProcessGauge> gauges, Func<ProcessGauge, double> value)
    {
        if (gauges.Count < 2) return 0;
        double mx = gauges.Average(g => g.Minutes), my = gauges.Average(value);
        var num = gauges.Sum(g => (g.Minutes - mx) * (value(g) - my));
        var den = gauges.Sum(g => (g.Minutes - mx) * (g.Minutes - mx));
        return den == 0 ? 0 : num / den * 60;
    }
}
