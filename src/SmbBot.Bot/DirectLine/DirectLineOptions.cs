using System.ComponentModel.DataAnnotations;

namespace SmbBot.Bot.DirectLine;

/// <summary>The built-in Direct Line 3.0 channel for the website chat (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// The Direct Line secret the website's backend uses to ask for tokens. Empty: generated on first start and kept in
    /// <c>{data}/directline.secret</c>. Never sent to a browser, never logged.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>How long a token lives; Web Chat refreshes every 15 minutes, so keep this above that.</summary>
    [Range(20, 24 * 60)] public int TokenMinutes { get; set; } = 60;

    /// <summary>Most activities kept per conversation; older ones are dropped.</summary>
    [Range(50, 100_000)] public int MaxHistory { get; set; } = 1000;

    /// <summary>The store's limits in bytes and activities, as every Direct Line store applies them.</summary>
    public SmbBot.Core.DirectLine.DirectLineLimits Limits() =>
        new(ConversationQuotaMegabytes * 1024L * 1024, StorageQuotaMegabytes * 1024L * 1024, MaxHistory);

    /// <summary>Conversations idle this long are deleted from the channel (tickets keep their transcripts).</summary>
    [Range(1, 24 * 90)] public int IdleHours { get; set; } = 72;

    /// <summary>Messages one token may post in a burst before being slowed down (429).</summary>
    [Range(1, 1000)] public int PostBurst { get; set; } = 10;

    /// <summary>Sustained messages per minute one token may post.</summary>
    [Range(1, 6000)] public int PostsPerMinute { get; set; } = 30;

    /// <summary>Messages per minute (and at once) all conversations from one client address may post together.</summary>
    [Range(1, 100_000)] public int PostsPerAddressPerMinute { get; set; } = 120;

    /// <summary>Tokens per minute (and at once) one client address may get from the token endpoints.</summary>
    [Range(1, 100_000)] public int TokensPerAddressPerMinute { get; set; } = 30;

    /// <summary>Tokens per minute (and at once) the token endpoints hand out to everyone together.</summary>
    [Range(1, 1_000_000)] public int TokensPerMinute { get; set; } = 600;

    /// <summary>Conversation starts per minute (and at once) from one client address.</summary>
    [Range(1, 100_000)] public int StartsPerAddressPerMinute { get; set; } = 30;

    /// <summary>Conversation starts per minute (and at once) from everyone together.</summary>
    [Range(1, 1_000_000)] public int StartsPerMinute { get; set; } = 600;

    /// <summary>Most stored activity data one conversation may hold; a customer's post beyond it gets 413.</summary>
    [Range(1, 10_000)] public int ConversationQuotaMegabytes { get; set; } = 10;

    /// <summary>Most activity data the channel stores in all; posts and new conversations beyond it get 429.</summary>
    [Range(10, 1_000_000)] public int StorageQuotaMegabytes { get; set; } = 1024;

    /// <summary>
    /// Most bytes of activities in one poll's page or one WebSocket frame (one activity larger than this still goes
    /// alone); the watermark fetches the rest.
    /// </summary>
    [Range(64, 16 * 1024)] public int MaxPageKilobytes { get; set; } = 1024;

    /// <summary>
    /// The address customers reach the bot at (e.g. <c>https://bot.example.com</c>), from which the WebSocket
    /// <c>streamUrl</c> is built. Empty: the request's own address, only when its Host is one the server listens on
    /// or <c>AllowedHosts</c> lists.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// Base URL at which the bot adapter reaches this process's connector endpoint. Empty: the first address the
    /// server listens on (0.0.0.0 and [::] become 127.0.0.1).
    /// </summary>
    public string? BotConnectorUrl { get; set; }

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl is { Length: > 0 } url && !(Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0))
            yield return new ValidationResult($"DirectLine:PublicUrl must be an absolute http(s) address without query, e.g. https://bot.example.com; it is '{url}'",
                [nameof(PublicUrl)]);
        if (StorageQuotaMegabytes < ConversationQuotaMegabytes)
            yield return new ValidationResult("DirectLine:StorageQuotaMegabytes must not be below DirectLine:ConversationQuotaMegabytes",
                [nameof(StorageQuotaMegabytes)]);
    }
}
