using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>
/// What the owner did with a group of unanswered messages (collection <c>insight_inbox_changes</c>), with the group's
/// share of all unanswered messages before, so the inbox can show how it moved since.
/// </summary>
public sealed class InboxChange
{
    [BsonId] public int Id { get; set; }
    public DateTime At { get; set; }
    public string Actor { get; set => field = value ?? ""; } = "";
    /// <summary><c>alternates</c>, <c>new entry</c> or <c>dismissed</c>.</summary>
    public string Action { get; set => field = value ?? ""; } = "";
    public string? FaqId { get; set; }
    /// <summary>A typical message of the group (masked).</summary>
    public string Example { get; set => field = value ?? ""; } = "";
    public int Messages { get; set; }
    public double ShareBefore { get; set; }
    public float[] Centroid { get; set; } = [];

    /// <summary>
    /// The share of unanswered messages since the change that fall in its group (within the clustering threshold of
    /// its centroid); null while none have come in.
    /// </summary>
    public double? ShareAfter(IReadOnlyList<UnansweredMessage> since)
    {
        var later = since.Where(m => m.At > At && m.Vector is not null).ToArray();
        if (later.Length == 0) return null;
        return (double)later.Count(m => MessageClustering.Cosine(m.Vector!, Centroid) >= MessageClustering.DefaultThreshold) / later.Length;
    }
}
