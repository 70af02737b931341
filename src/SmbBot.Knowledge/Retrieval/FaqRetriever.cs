using SmbBot.Core;
using SmbBot.Core.Faq;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Knowledge.Retrieval;

/// <summary>How dense and keyword evidence are combined into one FAQ match score.</summary>
/// <param name="KeywordWeight">Share of the score from keyword coverage over the entry's questions and answer.</param>
/// <param name="AnswerWeight">How much a match with the answer text counts against a match with a question.</param>
public sealed record RetrievalWeights(double KeywordWeight = 0.3, double AnswerWeight = 0.9);

/// <summary>
/// Finds the FAQ entries that may answer a customer's message. Each entry scores
/// <c>(1 - k) * max(best question similarity, a * answer similarity) + k * keyword coverage</c>, where the keyword
/// coverage is the share of the message's informative words found in the entry's questions and answer.
/// </summary>
public sealed class FaqRetriever
{
    private readonly FaqPhrasingCollection _collection;
    private readonly RetrievalWeights _weights;
    private readonly Dictionary<string, FaqEntry> _byId;
    private readonly Dictionary<string, FaqEntry> _byExactText;
    private readonly Dictionary<string, IReadOnlySet<string>> _entryTerms;
    private readonly KeywordScorer _keywords;

    public FaqRetriever(FaqPhrasingCollection collection, IReadOnlyList<FaqEntry> faq, RetrievalWeights? weights = null)
    {
        _collection = collection;
        _weights = weights ?? new();
        _byId = faq.ToDictionary(e => e.Id, StringComparer.Ordinal);
        _byExactText = faq
            .SelectMany(e => e.Phrasings.Select(p => (Key: TextNormalizer.Key(p), Entry: e)))
            .DistinctBy(x => x.Key)
            .ToDictionary(x => x.Key, x => x.Entry);
        var documents = faq.ToDictionary(e => e.Id, e => string.Join(' ', e.Phrasings.Append(e.Answer)));
        _entryTerms = documents.ToDictionary(d => d.Key, d => (IReadOnlySet<string>)KeywordScorer.Terms(d.Value).ToHashSet());
        _keywords = new KeywordScorer(documents.Values);
    }

    /// <summary>The entry with this id, if the FAQ has it.</summary>
    public FaqEntry? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The entry whose question or alternate <paramref name="text"/> is, up to case and punctuation, or null.</summary>
    public FaqCandidate? FindExact(string text) =>
        _byExactText.TryGetValue(TextNormalizer.Key(text), out var exact) ? new FaqCandidate(exact.Id, exact.Question, 1.0, Exact: true, AnswerText: exact.Answer) : null;

    /// <summary>
    /// The best entries for <paramref name="text"/> (embedded as <paramref name="vector"/>), best first. A message
    /// that is exactly one of the FAQ's questions returns that entry alone.
    /// </summary>
    public IReadOnlyList<FaqCandidate> Find(string text, ReadOnlySpan<float> vector, int top = 5) =>
        FindExact(text) is { } exact ? [exact] : Rank(text, vector, top, leftOut: null);

    /// <summary>
    /// The best entries for <paramref name="phrasing"/>, one of entry <paramref name="faqId"/>'s own questions, as if
    /// that phrasing were not in the FAQ: how the bot would do on a customer asking it in words the FAQ lacks.
    /// </summary>
    public IReadOnlyList<FaqCandidate> FindLeavingOut(string faqId, string phrasing, ReadOnlySpan<float> vector, int top = 5) =>
        Rank(phrasing, vector, top, leftOut: (faqId, TextNormalizer.Key(phrasing)));

    private FaqCandidate[] Rank(string text, ReadOnlySpan<float> vector, int top, (string FaqId, string Key)? leftOut)
    {
        var dense = new Dictionary<string, double>(_byId.Count);
        foreach (var hit in _collection.Rank(vector, keywords: null, top: int.MaxValue))
        {
            var record = hit.Record;
            if (leftOut is { } l && record.FaqId == l.FaqId && record.Kind == FaqPhrasingRecord.Question
                && TextNormalizer.Key(record.Text) == l.Key) continue;
            var similarity = hit.Score ?? 0;
            if (record.Kind == FaqPhrasingRecord.Answer) similarity *= _weights.AnswerWeight;
            if (!dense.TryGetValue(record.FaqId, out var best) || similarity > best) dense[record.FaqId] = similarity;
        }
        var query = _keywords.Weigh([text]);
        return dense
            .Where(d => _byId.ContainsKey(d.Key))
            .Select(d => (Id: d.Key, Score: (1 - _weights.KeywordWeight) * d.Value
                + _weights.KeywordWeight * KeywordScorer.Coverage(query, Terms(d.Key, leftOut))))
            .OrderByDescending(x => x.Score)
            .Take(top)
            .Select(x => new FaqCandidate(x.Id, _byId[x.Id].Question, Math.Clamp(x.Score, 0, 1), AnswerText: _byId[x.Id].Answer))
            .ToArray();
    }

    /// <summary>The entry's words, without those of a left-out phrasing.</summary>
    private IReadOnlySet<string> Terms(string id, (string FaqId, string Key)? leftOut)
    {
        if (leftOut is not { } l || l.FaqId != id) return _entryTerms[id];
        var entry = _byId[id];
        var kept = entry.Phrasings.Where(p => TextNormalizer.Key(p) != l.Key).Append(entry.Answer);
        return KeywordScorer.Terms(string.Join(' ', kept)).ToHashSet();
    }
}
