using LiteDB;

namespace SmbBot.Core.Conversations;

/// <summary>
/// What the bot remembers about one conversation between turns (collection <c>conversations</c>): the recent
/// transcript (so a ticket opened later has it), the FAQ entries tried, the open ticket and whether the bot is waiting
/// for an e-mail address.
/// </summary>
public sealed class ConversationRecord
{
    /// <summary>Most transcript entries kept per conversation before a ticket exists.</summary>
    public const int MaxTranscript = 100;

    /// <summary>The channel's conversation id.</summary>
    [BsonId] public string Id { get; set; } = "";

    public string ChannelId { get; set => field = value ?? ""; } = "";
    public string UserId { get; set => field = value ?? ""; } = "";

    /// <summary>The Bot Framework conversation reference, as JSON.</summary>
    public string Reference { get; set => field = value ?? ""; } = "";

    /// <summary>The most recent messages, oldest first (at most <see cref="MaxTranscript"/>).</summary>
    public List<TranscriptEntry> Transcript { get; set; } = [];

    /// <summary>Messages dropped from the start of <see cref="Transcript"/>.</summary>
    public int TranscriptOmitted { get; set; }

    /// <summary>FAQ entries the bot answered with or offered (most recent last, at most 10).</summary>
    public List<OfferedFaq> Offered { get; set; } = [];

    /// <summary>Consecutive turns that ended in a did-you-mean or "I don't know".</summary>
    public int Misses { get; set; }

    /// <summary>The open ticket of this conversation.</summary>
    public int? OpenTicketId { get; set; }

    /// <summary>The resolved ticket whose 1-5 rating the bot has asked for.</summary>
    public int? AwaitingRatingFor { get; set; }

    public bool AwaitingEmail { get; set; }
    public int EmailAttempts { get; set; }
    public string? Email { get; set; }
    public string? CustomerId { get; set; }

    /// <summary>The conversation's language (ISO 639-1) as of the last message understood; empty until then.</summary>
    public string Language { get; set => field = value ?? ""; } = ""; // LiteDB stores "" as null

    /// <summary>
    /// What the last understood turn was about (the FAQ question answered, or the customer's message), for a short
    /// follow-up; empty when none, or after a hand-over.
    /// </summary>
    public string TopicText { get; set => field = value ?? ""; } = "";
    public string? TopicFaqId { get; set; }
    public DateTime? TopicAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>A copy whose lists can change without changing this record.</summary>
    public ConversationRecord Copy()
    {
        var copy = (ConversationRecord)MemberwiseClone();
        copy.Transcript = [.. Transcript];
        copy.Offered = [.. Offered];
        return copy;
    }

    /// <summary>Adds a message to the transcript, dropping the oldest beyond <see cref="MaxTranscript"/>.</summary>
    public void Append(TranscriptEntry entry)
    {
        Transcript.Add(entry);
        if (Transcript.Count > MaxTranscript)
        {
            Transcript.RemoveAt(0);
            TranscriptOmitted++;
        }
    }
}
