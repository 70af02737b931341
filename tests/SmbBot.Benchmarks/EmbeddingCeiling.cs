using System.Diagnostics;
using SmbBot.Knowledge.Embeddings;

namespace SmbBot.Benchmarks;

/// <summary>How many single texts per second the embedding model embeds on this machine doing nothing else.</summary>
public static class EmbeddingCeiling
{
    public static double Measure(IReadOnlyList<string> texts, int threads, TimeSpan duration)
    {
        using var model = new MiniLmEmbeddingGenerator();
        for (int i = 0; i < 50; i++) model.Embed(texts[i % texts.Count]);
        long done = 0;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            int i = t;
            while (clock.Elapsed < duration)
            {
                model.Embed(texts[i++ % texts.Count]);
                Interlocked.Increment(ref done);
            }
        })).ToArray();
        Task.WaitAll(workers);
        return done / clock.Elapsed.TotalSeconds;
    }
}
