using SmbBot.Core.Insight;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Knowledge.Embeddings;
using Xunit.Abstractions;

namespace SmbBot.UnitTests.Insight;

public class MessageClusteringTests
{
    [Fact]
    public void Groups_close_vectors_and_keeps_far_ones_apart()
    {
        float[][] vectors = [[1, 0, 0], [0.95f, 0.1f, 0], [0, 1, 0], [0.9f, 0, 0.1f], [0, 0.9f, 0.2f], [0, 0, 1]];

        var groups = MessageClustering.Group(vectors, 0.8);

        Assert.Equal([[0, 1, 3], [2, 4], [5]], groups.Select(g => g.Members.ToArray()).ToArray());
    }
}

/// <summary>
/// The validation behind <see cref="MessageClustering.DefaultThreshold"/>: the sample FAQ's phrasings (question and
/// alternates of each entry) stand for messages that mean the same; the threshold should group them by entry with the
/// best pairwise F1.
/// </summary>
public class MessageClusteringValidationTests(ITestOutputHelper output)
{
    [Fact]
    public void The_default_threshold_groups_the_sample_FAQ_phrasings_by_entry_about_as_well_as_the_best()
    {
        var knowledge = KnowledgeBase.Load(Path.Combine(RepoRoot.Path, "knowledge"));
        var phrasings = knowledge.Faq.SelectMany(f => f.Phrasings.Select(p => (Entry: f.Id, Text: p))).ToArray();
        using var model = new MiniLmEmbeddingGenerator();
        var vectors = model.Embed([.. phrasings.Select(p => p.Text)]);

        var scores = new Dictionary<double, double>();
        foreach (var threshold in new[] { 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8 })
        {
            var groups = MessageClustering.Group(vectors, threshold);
            var groupOf = new int[phrasings.Length];
            for (var g = 0; g < groups.Count; g++) foreach (var m in groups[g].Members) groupOf[m] = g;
            long tp = 0, fp = 0, fn = 0;
            for (var i = 0; i < phrasings.Length; i++)
                for (var j = i + 1; j < phrasings.Length; j++)
                {
                    var same = phrasings[i].Entry == phrasings[j].Entry;
                    var together = groupOf[i] == groupOf[j];
                    if (same && together) tp++; else if (together) fp++; else if (same) fn++;
                }
            var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
            var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            scores[threshold] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            output.WriteLine($"threshold {threshold:0.00}: {groups.Count} groups, pairwise precision {precision:0.000}, recall {recall:0.000}, F1 {scores[threshold]:0.000}");
        }

        Assert.True(scores[MessageClustering.DefaultThreshold] >= scores.Values.Max() - 0.03,
            $"F1 at the default {MessageClustering.DefaultThreshold} is {scores[MessageClustering.DefaultThreshold]:0.000}; the best is {scores.Values.Max():0.000}");
    }
}
