using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using LiteDB;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;
using SmbBot.Knowledge.Retrieval;

namespace SmbBot.Knowledge.VectorStore;

/// <summary>
/// A Semantic Kernel vector-store collection of FAQ phrasings kept in LiteDB, so embeddings survive restarts.
/// Searches run over an in-memory copy (an FAQ has hundreds of phrasings, so an exact scan costs microseconds);
/// hybrid search adds keyword evidence to the cosine similarity.
/// </summary>
public sealed class LiteDbFaqCollection : VectorStoreCollection<string, FaqPhrasingRecord>, IKeywordHybridSearchable<FaqPhrasingRecord>
{
    private readonly ILiteCollection<StoredPhrasing> _stored;
    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly double _keywordWeight;
    private readonly Lock _writeLock = new();
    private volatile Snapshot _snapshot;

    /// <param name="keywordWeight">Share of the hybrid score that comes from keyword coverage (0 to 1).</param>
    public LiteDbFaqCollection(ILiteDatabase database, string name,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null, double keywordWeight = 0.3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keywordWeight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keywordWeight, 1);
        Name = name;
        _stored = database.GetCollection<StoredPhrasing>(name);
        _stored.EnsureIndex(x => x.FaqId);
        _stored.EnsureIndex(x => x.TextHash);
        _generator = generator;
        _keywordWeight = keywordWeight;
        _snapshot = Snapshot.Build(_stored.FindAll());
    }

    /// <summary>Builds LiteDB's mapping of the stored document type (see the host's start-up).</summary>
    public static void WarmUpMapping(BsonMapper mapper) => mapper.ToDocument(new StoredPhrasing());

    /// <inheritdoc/>
    public override string Name { get; }

    /// <summary>Number of phrasings held.</summary>
    public int Count => _snapshot.Entries.Length;

    /// <inheritdoc/>
    public override Task<bool> CollectionExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);

    /// <inheritdoc/>
    public override Task EnsureCollectionExistsAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public override Task EnsureCollectionDeletedAsync(CancellationToken cancellationToken = default)
    {
        lock (_writeLock)
        {
            _stored.DeleteAll();
            _snapshot = Snapshot.Build([]);
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task<FaqPhrasingRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var entry = _snapshot.Entries.FirstOrDefault(e => e.Record.Key == key);
        return Task.FromResult(entry is null ? null : Copy(entry.Record, options?.IncludeVectors ?? false));
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<FaqPhrasingRecord> GetAsync(Expression<Func<FaqPhrasingRecord, bool>> filter, int top,
        FilteredRecordRetrievalOptions<FaqPhrasingRecord>? options = null, CancellationToken cancellationToken = default)
    {
        var predicate = filter.Compile();
        var records = _snapshot.Entries.Select(e => e.Record).Where(predicate)
            .Skip(options?.Skip ?? 0).Take(top).Select(r => Copy(r, options?.IncludeVectors ?? false));
        return Yield(records, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        DeleteAsync([key], cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        lock (_writeLock)
        {
            foreach (var key in keys) _stored.Delete(key);
            _snapshot = Snapshot.Build(_stored.FindAll());
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(FaqPhrasingRecord record, CancellationToken cancellationToken = default) =>
        UpsertAsync([record], cancellationToken);

    /// <inheritdoc/>
    public override Task UpsertAsync(IEnumerable<FaqPhrasingRecord> records, CancellationToken cancellationToken = default)
    {
        var stored = records.Select(StoredPhrasing.From).ToArray();
        foreach (var s in stored)
        {
            if (s.Vector.Length != 384 * sizeof(float))
                throw new ArgumentException($"record '{s.Id}' has a vector of {s.Vector.Length / sizeof(float)} dimensions; 384 are needed");
        }
        lock (_writeLock)
        {
            _stored.Upsert(stored);
            _snapshot = Snapshot.Build(_stored.FindAll());
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<VectorSearchResult<FaqPhrasingRecord>> SearchAsync<TInput>(TInput searchValue, int top,
        VectorSearchOptions<FaqPhrasingRecord>? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new();
        var results = Rank(ToVector(searchValue), null, top, options.Skip, options.ScoreThreshold, options.Filter, options.IncludeVectors);
        return Yield(results, cancellationToken);
    }

    /// <inheritdoc/>
    public IAsyncEnumerable<VectorSearchResult<FaqPhrasingRecord>> HybridSearchAsync<TInput>(TInput searchValue,
        ICollection<string> keywords, int top, HybridSearchOptions<FaqPhrasingRecord>? options = null,
        CancellationToken cancellationToken = default) where TInput : notnull
    {
        options ??= new();
        var results = Rank(ToVector(searchValue), keywords, top, options.Skip, options.ScoreThreshold, options.Filter, options.IncludeVectors);
        return Yield(results, cancellationToken);
    }

    /// <summary>
    /// Scores every phrasing: cosine similarity, blended with keyword coverage when <paramref name="keywords"/> are
    /// given. Synchronous, for the turn's hot path.
    /// </summary>
    public IReadOnlyList<VectorSearchResult<FaqPhrasingRecord>> Rank(ReadOnlySpan<float> vector, ICollection<string>? keywords,
        int top, int skip = 0, double? scoreThreshold = null, Expression<Func<FaqPhrasingRecord, bool>>? filter = null,
        bool includeVectors = false)
    {
        var snapshot = _snapshot;
        var predicate = filter?.Compile();
        var query = keywords is null ? null : snapshot.Keywords.Weigh(keywords);
        var scored = new List<(Entry Entry, double Score)>(snapshot.Entries.Length);
        foreach (var entry in snapshot.Entries)
        {
            if (predicate is not null && !predicate(entry.Record)) continue;
            double score = Cosine(vector, entry.Vector);
            if (query is not null)
                score = (1 - _keywordWeight) * score + _keywordWeight * KeywordScorer.Coverage(query, entry.Terms);
            if (scoreThreshold is { } min && score < min) continue;
            scored.Add((entry, score));
        }
        return scored.OrderByDescending(s => s.Score).Skip(skip).Take(top)
            .Select(s => new VectorSearchResult<FaqPhrasingRecord>(Copy(s.Entry.Record, includeVectors), s.Score))
            .ToArray();
    }

    /// <inheritdoc/>
    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    private float[] ToVector<TInput>(TInput value) => value switch
    {
        ReadOnlyMemory<float> m => m.ToArray(),
        float[] a => a,
        Embedding<float> e => e.Vector.ToArray(),
        string s when _generator is not null =>
            _generator.GenerateAsync([s]).GetAwaiter().GetResult()[0].Vector.ToArray(),
        _ => throw new NotSupportedException(
            $"search by {typeof(TInput).Name} is not supported; pass a vector, an Embedding<float>, or a string with an embedding generator"),
    };

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"the query vector has {a.Length} dimensions; {b.Length} are stored");
        return System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
    }

    private static FaqPhrasingRecord Copy(FaqPhrasingRecord r, bool includeVector) => new()
    {
        Key = r.Key, FaqId = r.FaqId, Kind = r.Kind, Text = r.Text, TextHash = r.TextHash,
        Vector = includeVector ? r.Vector.ToArray() : ReadOnlyMemory<float>.Empty,
    };

    private static async IAsyncEnumerable<T> Yield<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }

    private sealed record Entry(FaqPhrasingRecord Record, float[] Vector, IReadOnlySet<string> Terms);

    private sealed record Snapshot(Entry[] Entries, KeywordScorer Keywords)
    {
        public static Snapshot Build(IEnumerable<StoredPhrasing> stored)
        {
            var entries = stored.Select(s =>
            {
                var record = s.ToRecord();
                return new Entry(record, record.Vector.ToArray(), KeywordScorer.Terms(record.Text).ToHashSet());
            }).ToArray();
            return new Snapshot(entries, new KeywordScorer(entries.Select(e => e.Record.Text)));
        }
    }

    /// <summary>The LiteDB document: the vector is kept as raw bytes (compact and fast to load).</summary>
    internal sealed class StoredPhrasing
    {
        [BsonId] public string Id { get; set; } = "";
        public string FaqId { get; set; } = "";
        public string Kind { get; set; } = FaqPhrasingRecord.Question;
        public string Text { get; set; } = "";
        public string TextHash { get; set; } = "";
        public byte[] Vector { get; set; } = [];

        public static StoredPhrasing From(FaqPhrasingRecord r) => new()
        {
            Id = r.Key, FaqId = r.FaqId, Kind = r.Kind, Text = r.Text, TextHash = r.TextHash,
            Vector = MemoryMarshal.AsBytes(r.Vector.Span).ToArray(),
        };

        public FaqPhrasingRecord ToRecord() => new()
        {
            Key = Id, FaqId = FaqId, Kind = Kind, Text = Text, TextHash = TextHash,
            Vector = MemoryMarshal.Cast<byte, float>(Vector).ToArray(),
        };
    }
}
