using Microsoft.Extensions.Hosting;
using SmbBot.Host.Runtime;

namespace SmbBot.IntegrationTests;

/// <summary>A failed background task makes the host exit with a code the service manager restarts on, not 0.</summary>
public class BackgroundFailureTests
{
    private sealed class Failing : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("customer text that must not be printed");
        }
    }

    private sealed class Working : BackgroundService
    {
        protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Delay(Timeout.Infinite, stoppingToken);
    }

    [Fact]
    public async Task The_failed_task_is_found_and_explained_without_its_message()
    {
        var working = new Working();
        var failing = new Failing();
        await working.StartAsync(CancellationToken.None);
        await failing.StartAsync(CancellationToken.None);
        try { await failing.ExecuteTask!; } catch (InvalidOperationException) { }

        var found = BackgroundFailure.Find([working, failing]);

        Assert.Same(failing, found);
        var line = BackgroundFailure.Explain(found!);
        Assert.Contains("Failing", line);
        Assert.Contains("InvalidOperationException", line);
        Assert.Contains("exit code 70", line);
        Assert.DoesNotContain("customer text", line);
        await working.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Tasks_that_run_or_ended_cleanly_are_not_failures()
    {
        var working = new Working();
        await working.StartAsync(CancellationToken.None);

        Assert.Null(BackgroundFailure.Find([working]));
        await working.StopAsync(CancellationToken.None);
        Assert.Null(BackgroundFailure.Find([working]));
    }
}
