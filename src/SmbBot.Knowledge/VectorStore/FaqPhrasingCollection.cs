using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.VectorData;

namespace SmbBot.Knowledge.VectorStore;

/// <summary>
/// A Semantic Kernel vector-store collection of FAQ phrasings kept in a store (LiteDB or PostgreSQL), so embeddings
/// survive restarts. Searches run over an in-memory copy of the store (an FAQ has hundreds of phrasings, so an exact
/// scan costs microseconds), the same code for every store; hybrid search adds keyword evidence to the cosine similarity.
/// </summary>
public abstract class FaqPhrasingCollection : VectorStoreCollection<string, FaqPhrasingRecord>, IKeywordHybridSearchable<FaqPhrasingRecord>
{
    /// <summary>The embedding size every stored vector has (all-MiniLM-L6-v2).</summary>
    public const int Dimensions = 384;

    private readonly IEmbeddingGenerator<string, Embedding<float>>? _generator;
    private readonly double _keywordWeight;
    private readonly Lock _writeLock = new();
    private volatile FaqSnapshot _snapshot = FaqSnapshot.Empty;

    /// <param name="keywordWeight">Share of the hybrid score that comes from keyword coverage (0 to 1).</param>
    protected FaqPhrasingCollection(string name, IEmbeddingGenerator<string, Embedding<float>>? generator, double keywordWeight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keywordWeight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keywordWeight, 1);
        Name = name;
        _generator = generator;
        _keywordWeight = keywordWeight;
    }

    /// <summary>Every stored phrasing, with its vector.</summary>
    protected abstract IEnumerable<FaqPhrasingRecord> ReadStored();

    /// <summary>Inserts or replaces <paramref name="records"/> by key, all or none.</summary>
    protected abstract void WriteStored(IReadOnlyList<FaqPhrasingRecord> records);

    /// <summary>Deletes the phrasings with <paramref name="keys"/> (unknown keys are ignored).</summary>
    protected abstract void DeleteStored(IReadOnlyList<string> keys);

    /// <summary>Deletes every phrasing.</summary>
    protected abstract void DeleteAllStored();

    /// <summary>
    /// Reads the store again into the in-memory copy searches use: on a store shared by several hosts, what another
    /// host published since this one last read.
    /// </summary>
    public void Reload()
    {
        lock (_writeLock) _snapshot = FaqSnapshot.Build(ReadStored());
    }

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
            DeleteAllStored();
            _snapshot = FaqSnapshot.Empty;
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task<FaqPhrasingRecord?> GetAsync(string key, RecordRetrievalOptions? options = null, CancellationToken cancellationToken = default)
    {
        var entry = _snapshot.Entries.FirstOrDefault(e => e.Record.Key == key);
        return Task.FromResult(entry is null ? null : FaqSnapshot.Copy(entry.Record, options?.IncludeVectors ?? false));
    }

    /// <inheritdoc/>
    public override IAsyncEnumerable<FaqPhrasingRecord> GetAsync(Expression<Func<FaqPhrasingRecord, bool>> filter, int top,
        FilteredRecordRetrievalOptions<FaqPhrasingRecord>? options = null, CancellationToken cancellationToken = default)
    {
        var predicate = filter.Compile();
        var records = _snapshot.Entries.Select(e => e.Record).Where(predicate)
            .Skip(options?.Skip ?? 0).Take(top).Select(r => FaqSnapshot.Copy(r, options?.IncludeVectors ?? false));
        return Yield(records, cancellationToken);
    }

    /// <inheritdoc/>
    public override Task DeleteAsync(string key, CancellationToken cancellationToken = default) =>
        DeleteAsync([key], cancellationToken);

    /// <inheritdoc/>
    public override Task DeleteAsync(IEnumerable<string> keys, CancellationToken cancellationToken = default)
    {
        var list = keys.ToArray();
        lock (_writeLock)
        {
            DeleteStored(list);
            _snapshot = FaqSnapshot.Build(ReadStored());
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task UpsertAsync(FaqPhrasingRecord record, CancellationToken cancellationToken = default) =>
        UpsertAsync([record], cancellationToken);

    /// <inheritdoc/>
    public override Task UpsertAsync(IEnumerable<FaqPhrasingRecord> records, CancellationToken cancellationToken = default)
    {
        var list = records.ToArray();
        foreach (var r in list)
        {
            if (r.Vector.Length != Dimensions)
                throw new ArgumentException($"record '{r.Key}' has a vector of {r.Vector.Length} dimensions; {Dimensions} are needed");
        }
        lock (_writeLock)
        {
            WriteStored(list);
            _snapshot = FaqSnapshot.Build(ReadStored());
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
    /// given. Synchronous, for the turn's hot path; never touches the store.
    /// </summary>
    public IReadOnlyList<VectorSearchResult<FaqPhrasingRecord>> Rank(ReadOnlySpan<float> vector, ICollection<string>? keywords,
        int top, int skip = 0, double? scoreThreshold = null, Expression<Func<FaqPhrasingRecord, bool>>? filter = null,
        bool includeVectors = false) =>
        _snapshot.Rank(vector, keywords, _keywordWeight, top, skip, scoreThreshold, filter, includeVectors);

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

    private static async IAsyncEnumerable<T> Yield<T>(IEnumerable<T> items, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var item in items)
        {
            ct.ThrowIfCancellationRequested();
            yield return item;
        }
        await Task.CompletedTask;
    }
}
