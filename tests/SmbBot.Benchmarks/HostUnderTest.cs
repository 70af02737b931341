using System.Diagnostics;
using System.Net;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.Benchmarks;

/// <summary>The real host, started as its own process from the Release build beside the benchmark.</summary>
public sealed class HostUnderTest : IDisposable
{
    private readonly Process _process;

    private HostUnderTest(Process process, Uri address, TimeSpan startup)
    {
        _process = process;
        Address = address;
        Startup = startup;
    }

    public Uri Address { get; }

    /// <summary>The host build that is started: by default the one beside the benchmark (another, e.g. an older build to compare with).</summary>
    public static string HostDll { get; set; } = Path.Combine(AppContext.BaseDirectory, "SmbBot.Host.dll");

    /// <summary>Process start to <c>/health/ready</c> answering 200.</summary>
    public TimeSpan Startup { get; }

    public static async Task<HostUnderTest> StartAsync(string dataFolder, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(HostDll);
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Storage__DataPath"] = dataFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_gcServer"] = "0";
        // Simulated customers type far faster than people: lift the per-conversation flood limit for the benchmark.
        start.Environment["DirectLine__PostBurst"] = "1000";
        start.Environment["DirectLine__PostsPerMinute"] = "6000";
        // ...and the per-address ones: every simulated customer comes from 127.0.0.1.
        start.Environment["DirectLine__PostsPerAddressPerMinute"] = "100000";
        start.Environment["DirectLine__TokensPerAddressPerMinute"] = "100000";
        start.Environment["DirectLine__StartsPerAddressPerMinute"] = "100000";
        start.Environment["DirectLine__TokensPerMinute"] = "100000";
        start.Environment["DirectLine__StartsPerMinute"] = "100000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        // The host logs warnings and errors to standard output: a failure that stops it must be visible here.
        process.OutputDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("host: " + e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { Length: > 0 }) Console.Error.WriteLine("host: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        // Generous: other builds share this machine, and a cold start trains the classifier.
        while (clock.Elapsed < TimeSpan.FromMinutes(6))
        {
            if (process.HasExited) throw new InvalidOperationException($"the host exited with {process.ExitCode}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    return new HostUnderTest(process, address, clock.Elapsed);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(20);
        }
        process.Kill(true);
        throw new TimeoutException("the host did not become ready in 6 minutes");
    }

    /// <summary>Null while the host runs, else how it ended (a signal shows as 128 + its number, e.g. 137 for SIGKILL).</summary>
    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    /// <summary>The host's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Ends the host at once, as a power cut or the OOM killer would (SIGKILL).</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    /// <summary>The status code of <c>/health/ready</c> now, or "no answer".</summary>
    public async Task<string> ReadyStatusAsync()
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        try { return ((int)(await probe.GetAsync("/health/ready")).StatusCode).ToString(); }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return "no answer"; }
    }

    /// <summary>Peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakMemoryMb() => ReadStatus("VmHWM") / 1024.0;

    /// <summary>CPU time the process has used (user + system).</summary>
    public TimeSpan CpuTime()
    {
        _process.Refresh();
        return _process.TotalProcessorTime;
    }

    private double ReadStatus(string key) =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture)).First();

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
        _process.Dispose();
    }
}
