using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>The inbox's changes in LiteDB (collection <c>insight_inbox_changes</c>).</summary>
public sealed class LiteDbInboxChangeStore(ILiteDatabase database) : IInboxChangeStore
{
    private readonly ILiteCollection<InboxChange> _changes = database.GetCollection<InboxChange>("insight_inbox_changes");

    /// <inheritdoc/>
    public void Add(InboxChange change) => _changes.Insert(change);

    /// <inheritdoc/>
    public IReadOnlyList<InboxChange> Latest(int count) => [.. _changes.Query().OrderByDescending(c => c.At).Limit(count).ToList()];
}
