using Microsoft.SemanticKernel.Data;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Understanding;

/// <summary>
/// The version of the knowledge the bot answers with, and the one path every customer message takes through it. A
/// publish builds the next version aside and switches to it with <see cref="Activate"/>: a turn uses the version it
/// started with, never half of two.
/// </summary>
public sealed class BotRuntime(EmbeddingCache embeddings) : ITurnUnderstanding
{
    private volatile LoadedKnowledge? _loaded;

    /// <inheritdoc/>
    public bool IsReady => _loaded is not null;

    /// <summary>The version in use (null until started).</summary>
    public LoadedKnowledge? Current => _loaded;

    /// <summary>The knowledge in use (null until started).</summary>
    public KnowledgeBase? Knowledge => _loaded?.Knowledge;

    /// <summary>The FAQ as a Semantic Kernel text search (null until started).</summary>
    public ITextSearch<FaqPhrasingRecord>? TextSearch => _loaded?.TextSearch;

    /// <summary>The routing thresholds in use and where each comes from (empty until started).</summary>
    public IReadOnlyList<ThresholdInUse> Thresholds => _loaded?.Thresholds ?? [];

    /// <summary>The embeddings of recent messages, shared by every version.</summary>
    public EmbeddingCache Embeddings => embeddings;

    /// <summary>Answers with <paramref name="version"/> from the next turn on.</summary>
    public void Activate(LoadedKnowledge version) => _loaded = version;

    /// <inheritdoc/>
    public TurnDecision Understand(string text) =>
        (_loaded ?? throw new InvalidOperationException("the bot is still starting")).Understand(text, embeddings);
}
