using SmbBot.PostgreSql.Changes;

namespace SmbBot.Host.Runtime;

/// <summary>Keeps the change feed listening while the host runs (PostgreSQL only); a dropped connection is logged and retried by the feed.</summary>
public sealed partial class ChangeFeedListener(PostgreSqlChangeFeed feed, ILogger<ChangeFeedListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.ListenFailed += Failed;
        try
        {
            await feed.RunAsync(stoppingToken);
        }
        finally
        {
            feed.ListenFailed -= Failed;
        }
    }

    private void Failed(Exception e) => LogFailed(log, e.GetType().Name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The change feed from the other hosts stopped listening ({Error}); connecting again. Console pages refresh when it is back")]
    private static partial void LogFailed(ILogger logger, string error);
}
