using System.Globalization;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Understanding.Evaluation;

/// <summary>The best accuracy and the best MCC any peer published for a bot, each with the peer and threshold.</summary>
public sealed record PeerBest(double Accuracy, string AccuracyBy, double Mcc, string MccBy);

/// <summary>The HINT3 authors' per-threshold results (<c>published_results/&lt;peer&gt;_&lt;bot&gt;.csv</c>).</summary>
public static class PublishedResults
{
    /// <summary>
    /// Over every peer and threshold: the highest accuracy and the highest MCC. These thresholds were picked on the test
    /// set itself, which flatters the peers; ours is chosen without it.
    /// </summary>
    public static PeerBest Best(string folder, string bot, IReadOnlyList<string> peers)
    {
        var rows = peers.SelectMany(peer => Read(Path.Combine(folder, "published_results", $"{peer}_{bot}.csv"), peer)).ToArray();
        if (rows.Length == 0) throw new BenchmarkDataException($"no published results for {bot} under {Path.Combine(folder, "published_results")}");
        var accuracy = rows.MaxBy(r => r.Accuracy)!;
        var mcc = rows.MaxBy(r => r.Mcc)!;
        return new PeerBest(accuracy.Accuracy, $"{accuracy.Peer} at {accuracy.Threshold:0.0}", mcc.Mcc, $"{mcc.Peer} at {mcc.Threshold:0.0}");
    }

    private sealed record Row(string Peer, double Threshold, double Accuracy, double Mcc);

    private static IEnumerable<Row> Read(string file, string peer)
    {
        if (!File.Exists(file)) return [];
        try
        {
            return CsvTable.Read(file, file, ["Threshold", "Accuracy", "Weighted F1", "Inscope Accuracy", "OOS Recall", "MCC"])
                .Select(r => new Row(peer, Number(r.Fields[0], file), Number(r.Fields[1], file), Number(r.Fields[5], file))).ToArray();
        }
        catch (KnowledgeFileException e)
        {
            throw new BenchmarkDataException(e.Message);
        }
    }

    private static double Number(string text, string file) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value
            : throw new BenchmarkDataException($"{file}: '{text}' is not a number");
}
