namespace SmbBot.Core.Routing;

/// <summary>What the bot remembers of the conversation that bears on understanding the next message.</summary>
/// <param name="Language">The conversation's language so far (ISO 639-1; empty: none yet, taken as English).</param>
public sealed record ConversationContext(string Language)
{
    /// <summary>A conversation with nothing remembered.</summary>
    public static readonly ConversationContext None = new("");
}
