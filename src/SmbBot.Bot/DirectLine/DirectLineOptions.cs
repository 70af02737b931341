using System.ComponentModel.DataAnnotations;

namespace SmbBot.Bot.DirectLine;

/// <summary>The built-in Direct Line 3.0 channel for the website chat (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
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

    /// <summary>Conversations idle this long are deleted from the channel (tickets keep their transcripts).</summary>
    [Range(1, 24 * 90)] public int IdleHours { get; set; } = 72;

    /// <summary>Messages one token may post in a burst before being slowed down (429).</summary>
    [Range(1, 1000)] public int PostBurst { get; set; } = 10;

    /// <summary>Sustained messages per minute one token may post.</summary>
    [Range(1, 6000)] public int PostsPerMinute { get; set; } = 30;

    /// <summary>
    /// Base URL at which the bot adapter reaches this process's connector endpoint. Empty: the first address the
    /// server listens on (0.0.0.0 and [::] become 127.0.0.1).
    /// </summary>
    public string? BotConnectorUrl { get; set; }
}
