using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;

namespace SmbBot.Bot;

/// <summary>
/// The Bot Framework adapter. With no app id configured it accepts unauthenticated activities (Bot Framework
/// Emulator); with one it validates every call's token.
/// </summary>
public sealed partial class SmbBotAdapter : CloudAdapter
{
    public SmbBotAdapter(BotFrameworkAuthentication auth, SmbBot.Core.Business.BusinessSettings business, SmbBot.Core.StoreFaults storeFaults, ILogger<SmbBotAdapter> logger) : base(auth, logger)
    {
        _storeFaults = storeFaults;
        OnTurnError = async (turnContext, exception) =>
        {
            var unavailable = storeFaults.Unavailable(exception);
            if (unavailable is null) LogTurnFailed(logger, exception, turnContext.Activity.Type, turnContext.Activity.ChannelId);
            else LogDatabaseUnavailable(logger, turnContext.Activity.Type, turnContext.Activity.ChannelId, unavailable);
            storeFaults.Report(exception);
            try
            {
                await turnContext.SendActivityAsync(
                    $"Sorry, something went wrong on our side. Please try again in a moment, or reach a person directly: {business.Current.HandoffContact}");
            }
            catch (Exception e) when (unavailable is not null && storeFaults.Unavailable(e) is not null)
            {
                // The website chat keeps its replies in the database too: no apology can reach that customer now.
            }
            // The endpoint answers 503 with Retry-After (BotEndpoints), so the caller knows nothing was kept.
            if (unavailable is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(exception);
        };
    }

    private readonly SmbBot.Core.StoreFaults _storeFaults;

    /// <summary>True when <paramref name="error"/> says the database cannot be reached (already logged by the turn).</summary>
    public bool IsDatabaseUnavailable(Exception error) => _storeFaults.Unavailable(error) is not null;

    /// <summary>
    /// Runs a turn for an activity from this process's own Direct Line channel, through the same authentication and
    /// pipeline as <c>/api/messages</c> (no Bot Framework token: the customer was authenticated by the channel).
    /// </summary>
    public Task<InvokeResponse> ProcessChannelActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(string.Empty, activity, callback, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {ActivityType} turn on channel {ChannelId} failed: the database is unavailable ({Reason})")]
    private static partial void LogDatabaseUnavailable(ILogger logger, string activityType, string channelId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn on channel {ChannelId} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string channelId);
}
