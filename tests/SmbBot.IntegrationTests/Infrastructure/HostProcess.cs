using System.Diagnostics;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>Runs the built host as its own process, as a business would, with settings given as environment variables.</summary>
public static class HostProcess
{
    /// <summary>Runs <c>SmbBot.Host</c> with <paramref name="args"/> until it exits; kills it after <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IDictionary<string, string> environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SmbBot.Host.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["Urls"] = "http://127.0.0.1:0";
        foreach (var (k, v) in environment) start.Environment[k] = v;

        using var process = Process.Start(start)!;
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
}
