using SmbBot.Core.Conversations;

namespace SmbBot.Core.Insight;

/// <summary>What became of one customer message, as the insight figures count it.</summary>
public enum TurnKind
{
    /// <summary>The bot answered with an FAQ entry.</summary>
    Answered,
    /// <summary>The bot was unsure and offered two or three entries ("did you mean").</summary>
    Clarified,
    /// <summary>The bot said it could not answer.</summary>
    Fallback,
    /// <summary>A greeting, thanks or goodbye.</summary>
    SmallTalk,
    /// <summary>The message opened a ticket: the conversation was handed to a person.</summary>
    HandedOver,
    /// <summary>Anything else: added to an open ticket, an e-mail address, a rating, a ticket-status question.</summary>
    Other,
}

/// <summary>One customer message of a conversation, without its text.</summary>
public sealed class TurnFact
{
    public DateTime At { get; set; }
    public TurnKind Kind { get; set; }

    /// <summary>The entry answered with (<see cref="TurnKind.Answered"/>).</summary>
    public string? FaqId { get; set; }

    /// <summary>The entries offered (<see cref="TurnKind.Clarified"/>).</summary>
    public List<string> Offered { get; set; } = [];

    /// <summary>The small-talk intent (<see cref="TurnKind.SmallTalk"/>), e.g. <c>thanks</c>.</summary>
    public string? Intent { get; set; }

    /// <summary>Why it was handed over (<see cref="TurnKind.HandedOver"/>).</summary>
    public EscalationReason? Reason { get; set; }
}
