namespace SmbBot.Core.Routing;

/// <summary>Understands a customer's message: intent, FAQ matches and the decision taken on them.</summary>
public interface ITurnUnderstanding
{
    /// <summary>True once the model is loaded and the FAQ indexed.</summary>
    bool IsReady { get; }

    /// <summary>Decides how to handle <paramref name="text"/> (already cleaned and bounded) on its own.</summary>
    TurnDecision Understand(string text) => Understand(text, ConversationContext.None);

    /// <summary>Decides how to handle <paramref name="text"/> in a conversation that has <paramref name="context"/>.</summary>
    TurnDecision Understand(string text, ConversationContext context);
}
