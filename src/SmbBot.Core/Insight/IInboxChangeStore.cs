namespace SmbBot.Core.Insight;

/// <summary>What the owner did with groups of unanswered messages: LiteDB (<see cref="LiteDbInboxChangeStore"/>) or PostgreSQL.</summary>
public interface IInboxChangeStore
{
    /// <summary>Keeps a change; its <see cref="InboxChange.Id"/> is set.</summary>
    void Add(InboxChange change);

    /// <summary>The newest <paramref name="count"/> changes, newest first.</summary>
    IReadOnlyList<InboxChange> Latest(int count);
}
