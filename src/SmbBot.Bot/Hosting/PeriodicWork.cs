using Microsoft.Extensions.Logging;
using SmbBot.Core.Storage;

namespace SmbBot.Bot.Hosting;

/// <summary>
/// A background task's periodic pass that survives a failed pass. A pass that throws (a full disk, a locked or damaged
/// data file, a database restarting) is logged and tried again at the next interval: one bad hour must not stop the
/// whole host, which is what .NET does when a background service's work ends with an exception.
/// </summary>
public static partial class PeriodicWork
{
    /// <summary>
    /// Runs <paramref name="pass"/> now and then every <paramref name="every"/> until <paramref name="stoppingToken"/>
    /// stops it; with <paramref name="claims"/>, only the passes this host claims (one host per interval).
    /// </summary>
    public static async Task RunAsync(string task, TimeSpan every, TimeProvider clock, Action pass, ILogger log, CancellationToken stoppingToken,
        IJobClaims? claims = null)
    {
        using var timer = new PeriodicTimer(every, clock);
        do
        {
            RunOnce(task, () =>
            {
                if (claims is null || claims.TryClaim(task, clock.GetUtcNow().UtcDateTime, every)) pass();
            }, log);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; false when it failed (logged with the error's kind and where, never its message, which may quote data).</summary>
    public static bool RunOnce(string task, Action pass, ILogger log)
    {
        try
        {
            pass();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, task, e.GetType().Name, $"{e.TargetSite?.DeclaringType?.Name}.{e.TargetSite?.Name}");
            return false;
        }
    }

    /// <summary>One asynchronous pass; false when it failed (logged as <see cref="RunOnce"/> does).</summary>
    public static async Task<bool> RunOnceAsync(string task, Func<Task> pass, ILogger log)
    {
        try
        {
            await pass();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(log, task, e.GetType().Name, $"{e.TargetSite?.DeclaringType?.Name}.{e.TargetSite?.Name}");
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background task {Task}: this pass failed ({Error} in {Where}); it runs again at its next interval")]
    private static partial void LogFailed(ILogger logger, string task, string error, string where);
}
