using System.Numerics;

namespace SmbBot.Core.Insight;

/// <summary>A group of messages that mean the same, with the most typical one first.</summary>
/// <param name="Members">Indexes into the input, the leader (first message of the group) first.</param>
/// <param name="Centroid">The normalised mean of the members' vectors.</param>
public sealed record MessageGroup(IReadOnlyList<int> Members, float[] Centroid);

/// <summary>
/// Groups messages by meaning with leader clustering over their sentence embeddings: each message joins the group
/// whose centroid it is most similar to (cosine) when that similarity reaches <see cref="DefaultThreshold"/>, or starts
/// a group. One pass, O(messages × groups); deterministic for the same input order.
/// </summary>
public static class MessageClustering
{
    /// <summary>
    /// The cosine similarity a message needs to join a group: chosen on the sample FAQ's phrasings, where it gives the
    /// best pairwise F1 of "same entry" (see <c>MessageClusteringValidationTests</c> and docs/decisions.md).
    /// </summary>
    public const double DefaultThreshold = 0.6;

    /// <summary>The groups of <paramref name="vectors"/>, largest first.</summary>
    public static IReadOnlyList<MessageGroup> Group(IReadOnlyList<float[]> vectors, double threshold = DefaultThreshold)
    {
        var sums = new List<float[]>();
        var centroids = new List<float[]>();
        var members = new List<List<int>>();
        for (var i = 0; i < vectors.Count; i++)
        {
            var v = Normalised(vectors[i]);
            var best = -1;
            var bestScore = threshold;
            for (var g = 0; g < centroids.Count; g++)
            {
                var score = Dot(v, centroids[g]);
                if (score >= bestScore) (best, bestScore) = (g, score);
            }
            if (best < 0)
            {
                sums.Add((float[])v.Clone());
                centroids.Add(v);
                members.Add([i]);
                continue;
            }
            members[best].Add(i);
            var sum = sums[best];
            for (var k = 0; k < sum.Length; k++) sum[k] += v[k];
            centroids[best] = Normalised(sum);
        }
        return [.. members.Select((m, g) => new MessageGroup(m, centroids[g])).OrderByDescending(g => g.Members.Count)];
    }

    /// <summary>The cosine similarity of two vectors.</summary>
    public static double Cosine(float[] a, float[] b) => Dot(Normalised(a), Normalised(b));

    private static float[] Normalised(float[] v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm == 0) return (float[])v.Clone();
        var result = new float[v.Length];
        for (var k = 0; k < v.Length; k++) result[k] = v[k] / norm;
        return result;
    }

    private static float Dot(float[] a, float[] b)
    {
        var width = Vector<float>.Count;
        var acc = Vector<float>.Zero;
        var k = 0;
        for (; k <= a.Length - width; k += width) acc += new Vector<float>(a, k) * new Vector<float>(b, k);
        var sum = Vector.Sum(acc);
        for (; k < a.Length; k++) sum += a[k] * b[k];
        return sum;
    }
}
