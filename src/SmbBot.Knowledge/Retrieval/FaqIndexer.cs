using System.Security.Cryptography;
using System.Text;
using SmbBot.Core.Faq;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Knowledge.Retrieval;

/// <summary>How an FAQ was brought into the vector store.</summary>
/// <param name="Embedded">Phrasings embedded now because their text (or the model) changed.</param>
/// <param name="Reused">Phrasings whose stored vector was still valid.</param>
/// <param name="Removed">Stored phrasings no longer in the FAQ.</param>
public sealed record IndexReport(int Phrasings, int Embedded, int Reused, int Removed);

/// <summary>Makes the stored texts (questions, alternates, answers) match the FAQ, embedding only texts it has not embedded before.</summary>
public static class FaqIndexer
{
    /// <summary>Brings <paramref name="collection"/> in line with <paramref name="faq"/>.</summary>
    public static async Task<IndexReport> SyncAsync(FaqPhrasingCollection collection, IReadOnlyList<FaqEntry> faq,
        MiniLmEmbeddingGenerator embeddings, CancellationToken cancellationToken = default)
    {
        var existing = new List<FaqPhrasingRecord>();
        await foreach (var r in collection.GetAsync(_ => true, int.MaxValue, new() { IncludeVectors = true }, cancellationToken))
            existing.Add(r);
        var byHash = existing.GroupBy(r => r.TextHash).ToDictionary(g => g.Key, g => g.First().Vector);

        var wanted = faq.SelectMany(e => e.Phrasings.Select((text, i) => new FaqPhrasingRecord
        {
            Key = $"{e.Id}#{i}", FaqId = e.Id, Kind = FaqPhrasingRecord.Question, Text = text, TextHash = HashOf(text),
        }).Append(new FaqPhrasingRecord
        {
            Key = $"{e.Id}#answer", FaqId = e.Id, Kind = FaqPhrasingRecord.Answer, Text = e.Answer, TextHash = HashOf(e.Answer),
        })).ToArray();

        var missing = wanted.Where(r => !byHash.ContainsKey(r.TextHash)).ToArray();
        foreach (var batch in missing.Chunk(32))
        {
            var vectors = embeddings.Embed(batch.Select(r => r.Text).ToArray(), cancellationToken);
            for (int i = 0; i < batch.Length; i++) byHash[batch[i].TextHash] = vectors[i];
        }
        foreach (var r in wanted) r.Vector = byHash[r.TextHash];

        var wantedKeys = wanted.Select(r => r.Key).ToHashSet();
        var stale = existing.Where(r => !wantedKeys.Contains(r.Key)).Select(r => r.Key).ToArray();
        if (stale.Length > 0) await collection.DeleteAsync(stale, cancellationToken);
        var storedHash = existing.ToDictionary(e => e.Key, e => e.TextHash);
        var changed = wanted.Where(w => storedHash.GetValueOrDefault(w.Key) != w.TextHash).ToArray();
        if (changed.Length > 0) await collection.UpsertAsync(changed, cancellationToken);
        return new IndexReport(wanted.Length, missing.Length, wanted.Length - missing.Length, stale.Length);
    }

    /// <summary>Identifies a text as embedded by this model.</summary>
    public static string HashOf(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(MiniLmEmbeddingGenerator.ModelId + "\n" + text)))[..24];
}
