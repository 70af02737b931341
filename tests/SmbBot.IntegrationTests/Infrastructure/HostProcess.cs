using System.Diagnostics;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>Runs the built host as its own process, as a business would, with settings given as environment variables.</summary>
public static class HostProcess
{
    /// <summary>Runs <c>SmbBot.Host</c> with <paramref name="args"/> until it exits; kills it after <paramref name="timeout"/>.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IDictionary<string, string> environment, TimeSpan timeout, params string[] args) => RunWithInputAsync(environment, timeout, null, args);

    /// <summary>As above, writing <paramref name="input"/> to the process's standard input.</summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunWithInputAsync(
        IDictionary<string, string> environment, TimeSpan timeout, string? input, params string[] args) =>
        RunAsync(StartInfo(environment, "http://127.0.0.1:0", args), timeout, input);

    /// <summary>
    /// As <see cref="RunAsync(IDictionary{string, string}, TimeSpan, string[])"/>, under an account for which file modes
    /// count: root ignores them, so when the tests run as root the host runs as <see cref="Unprivileged"/>'s account.
    /// </summary>
    public static Task<(int ExitCode, string Output, string Errors)> RunUnprivilegedAsync(
        IDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = StartInfo(environment, "http://127.0.0.1:0", args);
        Unprivileged.Wrap(start);
        return RunAsync(start, timeout, null);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(ProcessStartInfo start, TimeSpan timeout, string? input)
    {
        start.RedirectStandardInput = true;
        using var process = Process.Start(start)!;
        if (input is not null) await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the host did not exit within {timeout}: {await output}");
        }
        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Starts the host serving on a free loopback port and waits until it is ready.</summary>
    public static async Task<RunningHost> StartAsync(IDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var process = Process.Start(StartInfo(environment, $"http://127.0.0.1:{port}", []))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        var host = new RunningHost(process, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") }, output, errors);
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the host exited with {process.ExitCode}: {await errors}{await output}");
            try
            {
                if ((await host.Client.GetAsync("/health/ready")).IsSuccessStatusCode) return host;
            }
            catch (HttpRequestException) { }
            await Task.Delay(100);
        }
        host.Kill();
        throw new TimeoutException("the host did not become ready in 180 s");
    }

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string urls, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmbBot.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Urls"] = urls;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (k, v) in environment) start.Environment[k] = v;
        return start;
    }
}

/// <summary>A host process started by the test.</summary>
public sealed class RunningHost(Process process, HttpClient client, Task<string> output, Task<string> errors) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>Everything the process wrote to standard output and error, once it has exited.</summary>
    public async Task<string> OutputAsync() => await output + await errors;

    public Process Process => process;

    /// <summary>Kills the process at once (SIGKILL): nothing gets a chance to flush or shut down.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        Kill();
        Client.Dispose();
        process.Dispose();
    }
}
