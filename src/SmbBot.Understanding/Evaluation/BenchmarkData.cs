using SmbBot.Core.KnowledgeFiles;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Nlu;

namespace SmbBot.Understanding.Evaluation;

/// <summary>Reading and embedding labelled benchmark texts, and scoring predictions.</summary>
internal static class BenchmarkData
{
    /// <summary>A <c>text,category</c> CSV file's non-empty rows.</summary>
    public static List<(string Text, string Label)> ReadLabelled(string file)
    {
        if (!File.Exists(file)) throw new BenchmarkDataException($"{Path.GetFullPath(file)} does not exist");
        try
        {
            var rows = CsvTable.Read(file, file, ["text", "category"]);
            var labelled = rows.Select(r => (r.Fields[0].Trim(), r.Fields[1].Trim())).Where(r => r.Item1.Length > 0 && r.Item2.Length > 0).ToList();
            return labelled.Count > 0 ? labelled : throw new BenchmarkDataException($"{Path.GetFullPath(file)} has no labelled rows");
        }
        catch (KnowledgeFileException e)
        {
            throw new BenchmarkDataException(e.Message);
        }
    }

    public static List<IntentSample> Embed(List<(string Text, string Label)> rows, MiniLmEmbeddingGenerator embeddings, Action<string> progress, string what)
    {
        var samples = new List<IntentSample>(rows.Count);
        foreach (var batch in rows.Chunk(64))
        {
            var vectors = embeddings.Embed(batch.Select(r => r.Text).ToArray());
            samples.AddRange(batch.Select((r, i) => new IntentSample { Text = r.Text, Embedding = vectors[i], Label = r.Label }));
            if (samples.Count % 2048 < 64 || samples.Count == rows.Count) progress($"embedded {samples.Count}/{rows.Count} {what} texts");
        }
        return samples;
    }

    public static double MacroF1(string[] gold, string[] predicted)
    {
        var labels = gold.Distinct().ToArray();
        return labels.Average(label =>
        {
            double tp = gold.Zip(predicted).Count(p => p.First == label && p.Second == label);
            double fp = predicted.Zip(gold).Count(p => p.First == label && p.Second != label);
            double fn = gold.Zip(predicted).Count(p => p.First == label && p.Second != label);
            return tp == 0 ? 0 : 2 * tp / (2 * tp + fp + fn);
        });
    }
}
