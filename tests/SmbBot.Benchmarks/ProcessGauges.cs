using System.Globalization;

namespace SmbBot.Benchmarks;

/// <summary>One reading of a process's resident memory, threads and open file handles (from /proc).</summary>
public sealed record ProcessGauge(double Minutes, double RssMb, int Threads, int Handles)
{
    public static ProcessGauge Read(int pid, double minutes)
    {
        var status = File.ReadAllLines($"/proc/{pid}/status");
        double Field(string key) => double.Parse(status.First(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Split(' ', '\t').Where(p => p.Length > 0).ElementAt(1), CultureInfo.InvariantCulture);
        return new ProcessGauge(minutes, Field("VmRSS") / 1024.0, (int)Field("Threads"), Directory.GetFiles($"/proc/{pid}/fd").Length);
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
