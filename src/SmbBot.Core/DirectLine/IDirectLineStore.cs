namespace SmbBot.Core.DirectLine;

/// <summary>
/// The Direct Line channel's conversations and their activities, numbered 1, 2, 3 … per conversation (the number is
/// the client's watermark). History is bounded per conversation, stored bytes per conversation and in all.
/// </summary>
public interface IDirectLineStore
{
    /// <summary>The conversation, or null when it does not exist.</summary>
    DirectLineConversation? Get(string conversationId);

    /// <summary>
    /// Creates the conversation unless it exists; returns it and whether it is new. Null when it does not exist and
    /// the channel's storage quota is used up.
    /// </summary>
    (DirectLineConversation Conversation, bool Created)? GetOrCreate(string id, string userId, bool verified, DateTime now);

    /// <summary>
    /// Replaces the token generation <paramref name="presented"/> with the next one and returns it; null when the
    /// conversation does not exist or the presented generation has already been replaced.
    /// </summary>
    int? RenewTokenGeneration(string conversationId, int presented);

    /// <summary>
    /// Stores an activity: <paramref name="build"/> gets its sequence number and returns the final JSON. Wakes anyone
    /// waiting on the conversation. With <paramref name="withinQuota"/>, refuses (storing nothing, using no number) an
    /// activity that would take the conversation or the channel over its storage quota.
    /// </summary>
    Appended Append(string conversationId, DateTime now, Func<int, string> build, bool withinQuota);

    /// <summary>
    /// Activities after <paramref name="watermark"/>, oldest first: at most <paramref name="maxCount"/>, and no more
    /// than <paramref name="maxBytes"/> of them unless the first alone is larger.
    /// </summary>
    IReadOnlyList<DirectLineActivity> After(string conversationId, int watermark, long maxBytes, int maxCount = 500);

    /// <summary>Completes when the conversation has an activity after <paramref name="seenSeq"/> (at once if it has).</summary>
    Task ChangedAsync(string conversationId, int seenSeq, CancellationToken cancellationToken);

    /// <summary>Deletes conversations idle since before <paramref name="cutoff"/>, with their activities.</summary>
    int ExpireIdle(DateTime cutoff);

    /// <summary>Conversations of these users or with these ids.</summary>
    IReadOnlyList<DirectLineConversation> Of(IReadOnlySet<string> userIds, IReadOnlySet<string> conversationIds);

    /// <summary>Deletes these conversations with their activities; returns how many there were.</summary>
    int Delete(IEnumerable<string> conversationIds);
}
