namespace SmbBot.Core.DirectLine;

/// <summary>Whether one more activity fits the conversation's and the channel's storage quotas.</summary>
public static class StorageQuota
{
    /// <summary>
    /// <see cref="AppendOutcome.Stored"/> when <paramref name="adding"/> bytes fit under both quotas, otherwise the
    /// quota that would be exceeded (the channel's first: it is the one nobody can fix by starting over).
    /// </summary>
    public static AppendOutcome Check(long conversationBytes, long totalBytes, long adding, long conversationQuota, long totalQuota) =>
        totalBytes + adding > totalQuota ? AppendOutcome.StoreFull
        : conversationBytes + adding > conversationQuota ? AppendOutcome.ConversationFull
        : AppendOutcome.Stored;
}
