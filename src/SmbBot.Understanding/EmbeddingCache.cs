using Microsoft.Extensions.Caching.Memory;
using SmbBot.Knowledge.Embeddings;

namespace SmbBot.Understanding;

/// <summary>
/// Remembers the embeddings of recent messages: many customers send the same short texts (a tapped suggestion, "opening
/// hours"), and embedding is most of a turn's cost. Bounded by entry count; the model is case-insensitive, so the key is
/// the lower-cased text.
/// </summary>
public sealed class EmbeddingCache(MiniLmEmbeddingGenerator embeddings, int capacity = 20_000)
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.25 });

    /// <summary>The text's embedding, computed at most once while it stays in the cache.</summary>
    public float[] Embed(string text)
    {
        var key = text.ToLowerInvariant();
        if (_cache.TryGetValue(key, out float[]? vector)) return vector!;
        vector = embeddings.Embed(text);
        _cache.Set(key, vector, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(6) });
        return vector;
    }
}
