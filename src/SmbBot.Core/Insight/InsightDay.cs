using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>The counters of one business day (collection <c>insight_days</c>), kept up to date as conversations change.</summary>
public sealed class InsightDay
{
    /// <summary>The local date, at midnight.</summary>
    [BsonId] public DateTime Day { get; set; }
    public Dictionary<string, long> Counters { get; set; } = [];

    public long this[string key] => Counters.GetValueOrDefault(key);
}
