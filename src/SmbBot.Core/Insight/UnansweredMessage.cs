using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>What the owner did with an unanswered message.</summary>
public enum UnansweredStatus { Open, Dismissed, AddedToFaq }

/// <summary>
/// A message the bot could not answer or was unsure about (collection <c>insight_unanswered</c>), kept for the
/// unanswered inbox with e-mail addresses, card and phone numbers already masked.
/// </summary>
public sealed class UnansweredMessage
{
    [BsonId] public int Id { get; set; }
    public DateTime At { get; set; }
    public string ConversationId { get; set => field = value ?? ""; } = "";
    public string UserId { get; set => field = value ?? ""; } = "";

    /// <summary>The customer's words, masked (<see cref="TextMask"/>).</summary>
    public string Text { get; set => field = value ?? ""; } = "";

    /// <summary>The bot offered "did you mean" (true) rather than saying it could not answer.</summary>
    public bool Unsure { get; set; }

    /// <summary>The text's embedding, filled in the first time the inbox groups it.</summary>
    public float[]? Vector { get; set; }

    public UnansweredStatus Status { get; set; }

    /// <summary>The FAQ entry it was added to, when <see cref="UnansweredStatus.AddedToFaq"/>.</summary>
    public string? FaqId { get; set; }
}
