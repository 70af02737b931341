using SmbBot.Core;

namespace SmbBot.Host.Runtime;

/// <summary>
/// What the host does about a failed write to its data folder (answer 503 and stop for a restart) and about a database
/// that cannot be reached (answer 503 with Retry-After and carry on: it serves again once the database is back).
/// </summary>
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
            catch (Exception e) when (faults.Unavailable(e) is { } reason && !http.Response.HasStarted)
            {
                LogDatabaseUnavailable(logger, http.Request.Method, http.GetEndpoint()?.DisplayName ?? "", reason);
                await DatabaseUnavailable(http);
            }
        });
    }

    /// <summary>503 with Retry-After: the database cannot be reached; nothing of the request was kept.</summary>
    public static Task DatabaseUnavailable(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds;
        return http.Response.WriteAsJsonAsync(new { error = new { code = "DatabaseUnavailable", message = "the service cannot reach its database right now; nothing was kept, try again shortly" } });
    }

    /// <summary>A PostgreSQL restart takes seconds; clients come back after this many.</summary>
    public const string RetryAfterSeconds = "5";

    // One line without the exception: the reason names the kind; the stack trace of a refused connection says nothing more.
    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Endpoint} answered 503: the database is unavailable ({Reason})")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string method, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The data file cannot be written ({Reason}); stopping so that the service manager starts SmbBot again")]
    private static partial void LogStoreFault(ILogger logger, string reason);
}
