using Microsoft.Extensions.Options;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Understanding;

namespace SmbBot.Host.KnowledgeEditor;

/// <summary>The draft as the bot would run it, and the <c>check</c> findings of each of its entries.</summary>
/// <param name="Error">Why the draft cannot be read (then <paramref name="Version"/> is null).</param>
public sealed record DraftPreview(LoadedKnowledge? Version, IReadOnlyDictionary<string, IReadOnlyList<string>> Findings, string? Error);

/// <summary>
/// Builds the draft for the try box and the findings: its own FAQ index (only changed texts are embedded) and
/// thresholds, with the classifier in use (a publish retrains it if the questions changed). Rebuilt when the draft
/// changes.
/// </summary>
public sealed class KnowledgePreview(KnowledgeDraft draft, BotRuntime runtime, FaqPhrasingCollection index,
    MiniLmEmbeddingGenerator embeddings, IOptions<RoutingOptions> routing)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Fingerprint, DraftPreview Preview)? _cached;

    /// <summary>The preview of the draft as it is now.</summary>
    public async Task<DraftPreview> GetAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fingerprint = KnowledgeFolder.Fingerprint(draft.Folder);
            if (_cached is { } c && c.Fingerprint == fingerprint && c.Preview.Version?.Model == runtime.Current?.Model) return c.Preview;
            var preview = await BuildAsync(cancellationToken);
            _cached = (fingerprint, preview);
            return preview;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<DraftPreview> BuildAsync(CancellationToken cancellationToken)
    {
        KnowledgeBase knowledge;
        try
        {
            knowledge = draft.Load();
        }
        catch (KnowledgeFileException e)
        {
            return new DraftPreview(null, new Dictionary<string, IReadOnlyList<string>>(), e.Message);
        }
        var (version, _, turns) = await KnowledgeBuilder.BuildAsync(knowledge, runtime.Current, index, embeddings, routing.Value, _ => { },
            allowRetraining: false, cancellationToken: cancellationToken);
        var phrasings = new List<FaqPhrasingRecord>();
        await foreach (var r in version.Index.GetAsync(r => r.Kind == FaqPhrasingRecord.Question, int.MaxValue, new() { IncludeVectors = true }, cancellationToken))
            phrasings.Add(r);
        var findings = knowledge.Faq.ToDictionary(e => e.Id, _ => new List<string>());
        foreach (var e in KnowledgeCheck.ThinEntries(knowledge.Faq))
            findings[e.Id].Add("too few phrasings: only its question teaches the bot how customers ask it");
        foreach (var c in KnowledgeCheck.Conflicts(knowledge.Faq, phrasings))
        {
            findings[c.First.Id].Add($"conflicts with {c.Second.Id}: '{c.First.Phrasing}' and '{c.Second.Phrasing}' ask the same ({c.Similarity:0.00}) with different answers");
            findings[c.Second.Id].Add($"conflicts with {c.First.Id}: '{c.Second.Phrasing}' and '{c.First.Phrasing}' ask the same ({c.Similarity:0.00}) with different answers");
        }
        foreach (var c in KnowledgeCheck.Confusions(turns, version.Routing))
        {
            if (findings.TryGetValue(c.Entry, out var list))
                list.Add($"confusable with {c.TakenFor}: {c.Phrasings.Count} phrasing(s) match it better ({c.AnsweredWrongly} answered with its answer)");
        }
        foreach (var p in knowledge.Problems)
        {
            var entry = knowledge.Faq.FirstOrDefault(e => p.File.StartsWith(e.Source, StringComparison.Ordinal) || e.Source == p.File);
            if (entry is not null) findings[entry.Id].Add(p.Reason);
        }
        return new DraftPreview(version, findings.ToDictionary(f => f.Key, f => (IReadOnlyList<string>)f.Value), null);
    }
}
