using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;
using SmbBot.Core;
using SmbBot.Core.DirectLine;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The channel between Web Chat and the bot. Customer activities are stamped (id, time, sender from the token),
/// stored, echoed, and handed to the bot through the real Bot Framework adapter; the bot's replies come back through
/// this channel's connector endpoint (its <c>serviceUrl</c>), as they would from Azure's Direct Line service.
/// </summary>
public sealed partial class DirectLineChannel(IDirectLineStore store, SmbBotAdapter adapter, IBot bot,
    DirectLineSecret secret, ConnectorAddress connector, TimeProvider clock, ILogger<DirectLineChannel> logger)
{
    /// <summary>TurnState key holding the customer id the business's backend vouched for (a token issued with the secret).</summary>
    public const string VerifiedUserKey = "smbbot.verifiedUserId";

    public const string ChannelId = "directline";
    public const string BotId = "smbbot";

    private static readonly Meter Meter = new("SmbBot.DirectLine");
    private static readonly Counter<long> ConversationsStarted = Meter.CreateCounter<long>("smbbot.directline.conversations_started");
    private static readonly Counter<long> MessagesReceived = Meter.CreateCounter<long>("smbbot.directline.messages_received");
    private static readonly Counter<long> MessagesSent = Meter.CreateCounter<long>("smbbot.directline.messages_sent");

    /// <summary>The path segment that authorises the bot's calls to the connector endpoint; derived from the secret.</summary>
    public string ConnectorKey { get; } = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret.Value), "connector"u8))[..32].ToLowerInvariant();

    /// <summary>
    /// Starts (or resumes) the conversation of <paramref name="claims"/>; a new one greets the bot. Null when it is new
    /// and the channel's storage quota is used up.
    /// </summary>
    public DirectLineConversation? Start(TokenClaims claims)
    {
        if (store.GetOrCreate(claims.ConversationId, claims.UserId, claims.Verified, Now()) is not var (conversation, created)) return null;
        if (created)
        {
            ConversationsStarted.Add(1);
            var update = Stamp(new JObject
            {
                ["type"] = ActivityTypes.ConversationUpdate,
                ["membersAdded"] = new JArray(new JObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" },
                                              new JObject { ["id"] = claims.UserId, ["role"] = "user" }),
            }, conversation, fromUser: true, id: $"{conversation.Id}|update");
            Dispatch(update, conversation);
        }
        return conversation;
    }

    /// <summary>
    /// Stores a customer's activity (already checked by <see cref="ActivityShape"/>) within the storage quotas, then
    /// hands it to the bot without waiting for the bot's turn.
    /// </summary>
    public Appended FromCustomer(DirectLineConversation conversation, JObject activity)
    {
        var stored = store.Append(conversation.Id, Now(), seq =>
            Stamp(activity, conversation, fromUser: true, id: Id(conversation.Id, seq), publicServiceUrl: true).ToString(Newtonsoft.Json.Formatting.None), withinQuota: true);
        if (stored.Outcome != AppendOutcome.Stored) return stored;
        MessagesReceived.Add(1);
        Dispatch(JObject.Parse(stored.Json), conversation);
        return stored;
    }

    /// <summary>
    /// Stores an activity the bot sent (a reply or a proactive message). The quotas do not refuse it: the customer's
    /// posts, which they bound, are what it answers, and a staff member's reply must not be lost.
    /// </summary>
    public Appended FromBot(string conversationId, JObject activity)
    {
        var conversation = store.Get(conversationId);
        if (conversation is null) return new(AppendOutcome.NoConversation);
        // Proactive messages carry a replyToId Web Chat never saw; it would wait 5 s for it, so drop unknown ones.
        if (activity["replyToId"]?.Value<string>() is { } replyTo && !replyTo.StartsWith(conversationId + "|", StringComparison.Ordinal))
            activity.Remove("replyToId");
        // "Typing" answers nothing: without a replyToId, a client looking for the reply to its message finds the reply.
        if (activity["type"]?.Value<string>() == ActivityTypes.Typing) activity.Remove("replyToId");
        var stored = store.Append(conversationId, Now(), seq =>
            Stamp(activity, conversation, fromUser: false, id: Id(conversationId, seq), publicServiceUrl: true).ToString(Newtonsoft.Json.Formatting.None), withinQuota: false);
        if (stored.Outcome == AppendOutcome.Stored) MessagesSent.Add(1);
        return stored;
    }

    /// <summary>The activity id the client sees: <c>{conversation}|{seq:D7}</c>.</summary>
    public static string Id(string conversationId, int seq) => $"{conversationId}|{seq:D7}";

    private JObject Stamp(JObject activity, DirectLineConversation conversation, bool fromUser, string id, bool publicServiceUrl = false)
    {
        activity["id"] = id;
        activity["timestamp"] = clock.GetUtcNow().UtcDateTime.ToString("O");
        activity["channelId"] = ChannelId;
        activity["serviceUrl"] = publicServiceUrl ? "https://directline.local/" : connector.BaseUrl(ConnectorKey);
        activity["conversation"] = new JObject { ["id"] = conversation.Id };
        var user = new JObject { ["id"] = conversation.UserId, ["role"] = "user" };
        var botAccount = new JObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };
        if (fromUser)
        {
            if ((activity["from"] as JObject)?["name"]?.Value<string>() is { Length: > 0 and <= 100 } name) user["name"] = name;
            activity["from"] = user;
            activity["recipient"] = botAccount;
        }
        else
        {
            activity["from"] = StaffSender(activity) ?? botAccount;
            activity["recipient"] = user;
        }
        return activity;
    }

    /// <summary>A staff member's message keeps their id and name (role bot, as Web Chat needs), so the page tells them apart.</summary>
    private static JObject? StaffSender(JObject activity) =>
        (activity["from"] as JObject)?["id"]?.Value<string>() is { } id && id.StartsWith(ReplyComposer.StaffIdPrefix, StringComparison.Ordinal) && id.Length <= 200
            ? new JObject { ["id"] = id, ["name"] = Names.Preview((activity["from"] as JObject)?["name"]?.Value<string>() ?? "", 100), ["role"] = "bot" }
            : null;

    private void Dispatch(JObject stored, DirectLineConversation conversation)
    {
        var forBot = (JObject)stored.DeepClone();
        forBot["serviceUrl"] = connector.BaseUrl(ConnectorKey);
        var activity = forBot.ToObject<Activity>()!;
        _ = Task.Run(async () =>
        {
            try
            {
                await adapter.ProcessChannelActivityAsync(activity, async (turn, ct) =>
                {
                    if (conversation.Verified) turn.TurnState[VerifiedUserKey] = conversation.UserId;
                    await bot.OnTurnAsync(turn, ct);
                }, CancellationToken.None);
            }
            catch (Exception e) when (adapter.IsDatabaseUnavailable(e))
            {
                // Logged in one line by the adapter's turn error handler; the customer's next post gets 503.
            }
            catch (Exception e)
            {
                LogDispatchFailed(logger, e, activity.Type);
            }
        });
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Error, Message = "A Direct Line {ActivityType} activity could not be handed to the bot")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, string activityType);
}

/// <summary>Where the bot adapter reaches this process's connector endpoint.</summary>
public sealed class ConnectorAddress(DirectLineOptions options, Func<string?> serverAddress)
{
    /// <summary>True when <see cref="DirectLineOptions.BotConnectorUrl"/> names a host other than this machine.</summary>
    public static bool IsElsewhere(DirectLineOptions options) =>
        Uri.TryCreate(options.BotConnectorUrl, UriKind.Absolute, out var url) && !MessagesEndpointAccess.IsThisMachine(url);

    /// <summary>The <c>serviceUrl</c> the bot replies to: <c>{base}/v3/directline/connector/{key}/</c>.</summary>
    public string BaseUrl(string key)
    {
        var root = options.BotConnectorUrl is { Length: > 0 } configured ? configured : serverAddress() ?? "http://localhost";
        return $"{root.TrimEnd('/')}/v3/directline/connector/{key}/";
    }
}
