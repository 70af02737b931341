using LiteDB;

namespace SmbBot.Core.DirectLine;

/// <summary>A Direct Line conversation: whose it is and how far its activity sequence has come.</summary>
public sealed class DirectLineConversation
{
    [BsonId] public string Id { get; set; } = "";
    public string UserId { get; set; } = "";
    public bool Verified { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime LastActiveAt { get; set; }
    /// <summary>Sequence number of the last activity (the watermark).</summary>
    public int LastSeq { get; set; }
    /// <summary>UTF-8 bytes of the activities stored for this conversation now.</summary>
    public long StoredBytes { get; set; }
    /// <summary>Tokens of an older generation were replaced by a refresh and are refused.</summary>
    public int TokenGeneration { get; set; }
}

/// <summary>One stored activity, as the JSON the client receives.</summary>
public sealed class DirectLineActivity
{
    /// <summary><c>{conversationId}|{seq:D10}</c>: ordered by conversation, then sequence.</summary>
    [BsonId] public string Key { get; set; } = "";
    public string ConversationId { get; set; } = "";
    public int Seq { get; set; }
    public string Json { get; set; } = "";
}

/// <summary>What became of an activity offered to the store.</summary>
public enum AppendOutcome
{
    Stored,
    NoConversation,
    /// <summary>The conversation holds the conversation quota (<c>DirectLine:ConversationQuotaMegabytes</c>) already.</summary>
    ConversationFull,
    /// <summary>The channel holds the channel quota (<c>DirectLine:StorageQuotaMegabytes</c>) already.</summary>
    StoreFull,
}

/// <summary>The outcome of an append; <see cref="Seq"/> and <see cref="Json"/> are set when it was stored.</summary>
public readonly record struct Appended(AppendOutcome Outcome, int Seq = 0, string Json = "");
