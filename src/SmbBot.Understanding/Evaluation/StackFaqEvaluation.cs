using System.Xml;
using System.Xml.Linq;
using LiteDB;
using SmbBot.Core.Faq;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Understanding.Evaluation;

/// <summary>
/// StackFAQ: indexes each thread's question and answers as an FAQ in a scratch LiteDB file and ranks the threads for
/// every rephrased query with the bot's retrieval (top-1, MRR, MAP).
/// </summary>
public static class StackFaqEvaluation
{
    /// <summary>Runs the evaluation on <c>stackExchange-FAQ.xml</c> (or the folder holding it) with the bot's retrieval weights.</summary>
    public static async Task<Dictionary<string, object>> RunAsync(string file, RetrievalWeights weights, Action<string> progress)
    {
        if (Directory.Exists(file)) file = Path.Combine(file, "stackExchange-FAQ.xml");
        if (!File.Exists(file)) throw new BenchmarkDataException($"{Path.GetFullPath(file)} does not exist");
        XDocument xml;
        try { xml = XDocument.Load(file); }
        catch (XmlException e) { throw new BenchmarkDataException($"{file} is not valid XML: {e.Message}"); }
        var threads = xml.Root!.Elements("qapair").Select((q, i) => new
        {
            Id = $"t{i}",
            Question = ((string?)q.Element("question") ?? "").Trim(),
            Answers = q.Elements("answer").Select(a => a.Value.Trim()).Where(a => a.Length > 0).ToArray(),
            Queries = q.Elements("rephr").Select(r => r.Value.Trim()).Where(r => r.Length > 0 && r != "*").ToArray(),
        }).ToArray();
        if (threads.Length == 0) throw new BenchmarkDataException($"{file} has no <qapair> elements");
        var faq = threads.Select(t => new FaqEntry(t.Id, t.Question, string.Join("\n", t.Answers), [], "stackfaq", file)).ToArray();
        var queries = threads.SelectMany(t => t.Queries.Select(q => (Thread: t.Id, Text: q))).ToArray();
        if (queries.Length == 0) throw new BenchmarkDataException($"{file} has no <rephr> queries");
        progress($"{faq.Length} threads, {threads.Sum(t => t.Answers.Length)} answers, {queries.Length} queries");

        var folder = Path.Combine(Path.GetTempPath(), "smbbot-eval-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var db = new LiteDatabase(Path.Combine(folder, "eval.db"));
            using var embeddings = new MiniLmEmbeddingGenerator();
            var index = new LiteDbFaqCollection(db, "faq", embeddings);
            await FaqIndexer.SyncAsync(index, faq, embeddings);
            progress("FAQ indexed (questions and answers)");
            var retriever = new FaqRetriever(index, faq, weights);
            double top1 = 0, reciprocal = 0;
            int done = 0;
            foreach (var batch in queries.Chunk(64))
            {
                var vectors = embeddings.Embed(batch.Select(q => q.Text).ToArray());
                for (int i = 0; i < batch.Length; i++)
                {
                    var ranked = retriever.Find(batch[i].Text, vectors[i], top: faq.Length);
                    var rank = ranked.Select(c => c.FaqId).ToList().IndexOf(batch[i].Thread) + 1;
                    if (rank == 1) top1++;
                    if (rank > 0) reciprocal += 1.0 / rank;
                }
                done += batch.Length;
                progress($"{done}/{queries.Length} queries");
            }
            // One relevant thread per query, so average precision is 1/rank and MAP equals MRR.
            return new Dictionary<string, object>
            {
                ["examples"] = queries.Length,
                ["top1"] = Math.Round(top1 / queries.Length, 4),
                ["mrr"] = Math.Round(reciprocal / queries.Length, 4),
                ["map"] = Math.Round(reciprocal / queries.Length, 4),
            };
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
