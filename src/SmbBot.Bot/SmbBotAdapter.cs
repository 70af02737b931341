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
        OnTurnError = async (turnContext, exception) =>
        {
            LogTurnFailed(logger, exception, turnContext.Activity.Type, turnContext.Activity.ChannelId);
            storeFaults.Report(exception);
            await turnContext.SendActivityAsync(
                $"Sorry, something went wrong on our side. Please try again in a moment, or reach a person directly: {business.Current.HandoffContact}");
        };
    }

    /// <summary>
    /// Runs a turn for an activity from this process's own Direct Line channel, through the same authentication and
    /// pipeline as <c>/api/messages</c> (no Bot Framework token: the customer was authenticated by the channel).
    /// </summary>
    public Task<InvokeResponse> ProcessChannelActivityAsync(Activity activity, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ProcessActivityAsync(string.Empty, activity, callback, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {ActivityType} turn on channel {ChannelId} failed")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, string activityType, string channelId);
}
