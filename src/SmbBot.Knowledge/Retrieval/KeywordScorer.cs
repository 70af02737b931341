namespace SmbBot.Knowledge.Retrieval;

/// <summary>
/// Keyword evidence for hybrid search: the share of the query's informative words (weighted by inverse document
/// frequency over the indexed texts) that a text contains. 0 when nothing matches, 1 when every word does.
/// </summary>
public sealed class KeywordScorer
{
    private static readonly HashSet<string> StopWords =
    [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as",
        "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "i", "me", "my", "we", "our", "you",
        "your", "it", "its", "this", "that", "there", "what", "which", "who", "how", "when", "where", "why", "can",
        "could", "would", "should", "will", "have", "has", "had", "any", "some", "so", "about", "please", "hi", "hello",
        "there", "get", "just", "im", "u", "not", "no",
    ];

    private readonly Dictionary<string, double> _idf;
    private readonly double _unknownIdf;

    /// <summary>Builds document frequencies over the texts that will be scored.</summary>
    public KeywordScorer(IEnumerable<string> documents)
    {
        var df = new Dictionary<string, int>();
        int n = 0;
        foreach (var doc in documents)
        {
            n++;
            foreach (var term in Terms(doc).Distinct()) df[term] = df.GetValueOrDefault(term) + 1;
        }
        _idf = df.ToDictionary(kv => kv.Key, kv => Math.Log(1 + (n - kv.Value + 0.5) / (kv.Value + 0.5)));
        _unknownIdf = Math.Log(1 + (n + 0.5) / 0.5);
    }

    /// <summary>The informative words of a query, with their weights.</summary>
    public IReadOnlyDictionary<string, double> Weigh(IEnumerable<string> keywords)
    {
        var weights = new Dictionary<string, double>();
        foreach (var term in keywords.SelectMany(Terms)) weights[term] = _idf.GetValueOrDefault(term, _unknownIdf);
        return weights;
    }

    /// <summary>Share of the weighted query words found in <paramref name="documentTerms"/>.</summary>
    public static double Coverage(IReadOnlyDictionary<string, double> query, IReadOnlySet<string> documentTerms)
    {
        double total = 0, found = 0;
        foreach (var (term, weight) in query)
        {
            total += weight;
            if (documentTerms.Contains(term)) found += weight;
        }
        return total == 0 ? 0 : found / total;
    }

    /// <summary>Lower-cased words without stop words, with a light plural and suffix folding.</summary>
    public static IEnumerable<string> Terms(string text)
    {
        foreach (var word in Core.TextNormalizer.Key(text).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (StopWords.Contains(word)) continue;
            yield return Stem(word);
        }
    }

    private static string Stem(string w)
    {
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) return w[..^3];
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal)) return w[..^2];
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal)) return w[..^1];
        return w;
    }
}
