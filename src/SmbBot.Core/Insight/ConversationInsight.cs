using LiteDB;
using SmbBot.Core.Conversations;

namespace SmbBot.Core.Insight;

/// <summary>
/// The summary row of one conversation (collection <c>insight_conversations</c>): its messages without their text, its
/// ticket's figures, and what it adds to its day's counters now, so a change moves them exactly.
/// </summary>
public sealed class ConversationInsight
{
    /// <summary>Most messages kept per row; a longer conversation keeps its first ones (enough to decide what it was).</summary>
    public const int MaxFacts = 200;

    /// <summary>The channel's conversation id.</summary>
    [BsonId] public string Id { get; set; } = "";
    public string UserId { get; set => field = value ?? ""; } = "";
    public string ChannelId { get; set => field = value ?? ""; } = "";

    /// <summary>The business day (in the business's time zone) the conversation is counted on: the day it started.</summary>
    public DateTime Day { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime LastAt { get; set; }
    public DateTime? LastAnswerAt { get; set; }

    public List<TurnFact> Facts { get; set; } = [];

    /// <summary>The customer came back within 7 days on the same topic, in another conversation.</summary>
    public DateTime? ReturnedAt { get; set; }

    /// <summary>The conversation's (latest) ticket and what it says.</summary>
    public int? TicketId { get; set; }
    public EscalationReason? TicketReason { get; set; }
    public DateTime? TicketCreatedAt { get; set; }
    public DateTime? FirstResponseAt { get; set; }
    public DateTime? FirstResponseDue { get; set; }
    public int? Rating { get; set; }

    /// <summary>What this row adds to the counters of <see cref="Day"/>.</summary>
    public Dictionary<string, long> Counted { get; set; } = [];
}
