using Microsoft.Extensions.Logging;
using SmbBot.Bot.Hosting;
using SmbBot.Core.Storage;

namespace SmbBot.UnitTests.Hosting;

/// <summary>A failed pass of a background task is logged without its message and the task goes on.</summary>
public class PeriodicWorkTests
{
    private sealed class Lines : ILogger
    {
        public List<(LogLevel Level, string Text)> Logged { get; } = [];
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Logged) Logged.Add((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
        }
    }

    private static void Fails() => throw new IOException("disk full while writing 'customer text'");

    [Fact]
    public void A_failed_pass_is_logged_by_kind_and_place_never_by_message()
    {
        var log = new Lines();

        Assert.False(PeriodicWork.RunOnce("Janitor", Fails, log));
        Assert.True(PeriodicWork.RunOnce("Janitor", () => { }, log));

        var (level, text) = Assert.Single(log.Logged);
        Assert.Equal(LogLevel.Error, level);
        Assert.Contains("Janitor", text);
        Assert.Contains("IOException", text);
        Assert.Contains(nameof(Fails), text);
        Assert.DoesNotContain("customer text", text);
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed_as_a_failure()
    {
        var log = new Lines();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            PeriodicWork.RunOnceAsync("Sender", () => Task.FromCanceled(new CancellationToken(true)), log));
        Assert.Empty(log.Logged);
    }

    [Fact]
    public async Task The_task_keeps_running_after_a_pass_fails()
    {
        var log = new Lines();
        int passes = 0;
        using var stop = new CancellationTokenSource();
        var running = PeriodicWork.RunAsync("Watch", TimeSpan.FromMilliseconds(20), TimeProvider.System, () =>
        {
            if (Interlocked.Increment(ref passes) == 1) Fails();
        }, log, stop.Token);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref passes) < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.True(passes >= 3, $"only {passes} passes ran");
        Assert.Single(log.Logged);
    }

    private sealed class EveryOther : IJobClaims
    {
        private int _asked;
        public int Asked => Volatile.Read(ref _asked);
        public bool TryClaim(string job, DateTime now, TimeSpan every) => Interlocked.Increment(ref _asked) % 2 == 1;
    }

    [Fact]
    public async Task Only_the_passes_this_host_claims_run()
    {
        var log = new Lines();
        int passes = 0;
        using var stop = new CancellationTokenSource();
        var claims = new EveryOther();
        var running = PeriodicWork.RunAsync("Janitor", TimeSpan.FromMilliseconds(20), TimeProvider.System, () => Interlocked.Increment(ref passes),
            log, stop.Token, claims);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Volatile.Read(ref passes) < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);

        Assert.True(passes >= 3);
        Assert.Equal((claims.Asked + 1) / 2, passes);
        Assert.Empty(log.Logged);
    }
}
