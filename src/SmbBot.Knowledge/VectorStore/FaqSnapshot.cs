using System.Linq.Expressions;
using Microsoft.Extensions.VectorData;
using SmbBot.Knowledge.Retrieval;

namespace SmbBot.Knowledge.VectorStore;

/// <summary>
/// The FAQ phrasings held in memory for searching, in key order (ordinal), whichever store they were read from: the
/// same records give the same ranking on every store.
/// </summary>
internal sealed class FaqSnapshot
{
    private FaqSnapshot(Entry[] entries, KeywordScorer keywords)
    {
        Entries = entries;
        Keywords = keywords;
    }

    public static FaqSnapshot Empty { get; } = Build([]);

    public Entry[] Entries { get; }

    public KeywordScorer Keywords { get; }

    public static FaqSnapshot Build(IEnumerable<FaqPhrasingRecord> records)
    {
        var entries = records.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new Entry(r, r.Vector.ToArray(), KeywordScorer.Terms(r.Text).ToHashSet()))
            .ToArray();
        return new FaqSnapshot(entries, new KeywordScorer(entries.Select(e => e.Record.Text)));
    }

    /// <summary>Cosine similarity, blended with keyword coverage (share <paramref name="keywordWeight"/>) when <paramref name="keywords"/> are given.</summary>
    public IReadOnlyList<VectorSearchResult<FaqPhrasingRecord>> Rank(ReadOnlySpan<float> vector, ICollection<string>? keywords, double keywordWeight,
        int top, int skip, double? scoreThreshold, Expression<Func<FaqPhrasingRecord, bool>>? filter, bool includeVectors)
    {
        var predicate = filter?.Compile();
        var query = keywords is null ? null : Keywords.Weigh(keywords);
        var scored = new List<(Entry Entry, double Score)>(Entries.Length);
        foreach (var entry in Entries)
        {
            if (predicate is not null && !predicate(entry.Record)) continue;
            double score = Cosine(vector, entry.Vector);
            if (query is not null)
                score = (1 - keywordWeight) * score + keywordWeight * KeywordScorer.Coverage(query, entry.Terms);
            if (scoreThreshold is { } min && score < min) continue;
            scored.Add((entry, score));
        }
        return scored.OrderByDescending(s => s.Score).Skip(skip).Take(top)
            .Select(s => new VectorSearchResult<FaqPhrasingRecord>(Copy(s.Entry.Record, includeVectors), s.Score))
            .ToArray();
    }

    public static FaqPhrasingRecord Copy(FaqPhrasingRecord r, bool includeVector) => new()
    {
        Key = r.Key, FaqId = r.FaqId, Kind = r.Kind, Text = r.Text, TextHash = r.TextHash,
        Vector = includeVector ? r.Vector.ToArray() : ReadOnlyMemory<float>.Empty,
    };

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"the query vector has {a.Length} dimensions; {b.Length} are stored");
        return System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
    }

    internal sealed record Entry(FaqPhrasingRecord Record, float[] Vector, IReadOnlySet<string> Terms);
}
