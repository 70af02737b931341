using SmbBot.Core;

namespace SmbBot.Host.Runtime;

/// <summary>What the host does about a failed write to its data folder: answer 503 and stop for a restart.</summary>
public static partial class StoreFaultHandling
{
    /// <summary>Stops the host when the store faults; <see cref="StartupGuard"/> then exits with <see cref="StoreFaults.ExitCode"/>.</summary>
    public static void StopOnStoreFault(this WebApplication app)
    {
        var faults = app.Services.GetRequiredService<StoreFaults>();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("SmbBot.Store");
        faults.Fault += error =>
        {
            LogStoreFault(logger, error.Message);
            Console.Error.WriteLine($"SmbBot stopped: the data file cannot be written ({error.Message}). Free space or fix the disk; " +
                "the service manager starts SmbBot again (exit code 75). Tickets announced to customers are on disk.");
            app.Lifetime.StopApplication();
        };
        // A request that fails on the store gets a clear 503 instead of an error page.
        app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (faults.Report(e) && !http.Response.HasStarted)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "30";
                await http.Response.WriteAsJsonAsync(new { error = new { code = "StoreUnavailable", message = "the service cannot save anything right now; try again in a minute" } });
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "The data file cannot be written ({Reason}); stopping so that the service manager starts SmbBot again")]
    private static partial void LogStoreFault(ILogger logger, string reason);
}
