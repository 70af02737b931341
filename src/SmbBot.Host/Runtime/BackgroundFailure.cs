namespace SmbBot.Host.Runtime;

/// <summary>
/// A background task of the host (janitor, alerts, mail, publishing) that ended with an exception. The host stops when
/// one does; it must then exit with a failure code so that the service manager starts it again.
/// </summary>
public static class BackgroundFailure
{
    /// <summary>EX_SOFTWARE: restarted by <c>Restart=on-failure</c>, unlike exit code 1 (a setting to fix).</summary>
    public const int ExitCode = 70;

    /// <summary>The first background service whose work ended with an exception, if any.</summary>
    public static BackgroundService? Find(IEnumerable<IHostedService> services) =>
        services.OfType<BackgroundService>().FirstOrDefault(s => s.ExecuteTask is { IsFaulted: true });

    /// <summary>One line for the service log: which task failed and with what kind of error (no message text, which may quote data).</summary>
    public static string Explain(BackgroundService failed)
    {
        var error = failed.ExecuteTask?.Exception?.InnerException ?? failed.ExecuteTask?.Exception;
        return $"SmbBot stopped: its background task {failed.GetType().Name} failed ({error?.GetType().Name ?? "unknown error"}; the log has the details). " +
            $"The service manager starts SmbBot again (exit code {ExitCode}).";
    }
}
