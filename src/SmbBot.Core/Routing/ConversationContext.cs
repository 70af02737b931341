namespace SmbBot.Core.Routing;

/// <summary>What the bot remembers of the conversation that bears on understanding the next message.</summary>
/// <param name="Language">The conversation's language so far (ISO 639-1; empty: none yet, taken as English).</param>
/// <param name="Topic">The previous turn's topic, while it is recent and no person has taken over.</param>
public sealed record ConversationContext(string Language, FollowUpTopic? Topic = null)
{
    /// <summary>A conversation with nothing remembered.</summary>
    public static readonly ConversationContext None = new("");
}

/// <summary>What the previous turn was about: the FAQ question answered, or else the customer's own message.</summary>
/// <param name="FaqId">The FAQ entry answered; null when the topic is the customer's message.</param>
public sealed record FollowUpTopic(string Text, string? FaqId);
