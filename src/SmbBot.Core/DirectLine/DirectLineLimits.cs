namespace SmbBot.Core.DirectLine;

/// <summary>
/// What a Direct Line store keeps at most: <paramref name="MaxHistory"/> activities per conversation (older ones are
/// dropped), <paramref name="ConversationQuotaBytes"/> per conversation and <paramref name="StorageQuotaBytes"/> in all.
/// </summary>
public sealed record DirectLineLimits(long ConversationQuotaBytes, long StorageQuotaBytes, int MaxHistory);
