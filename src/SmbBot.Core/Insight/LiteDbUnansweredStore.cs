using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>The unanswered inbox's messages in LiteDB (collection <c>insight_unanswered</c>).</summary>
public sealed class LiteDbUnansweredStore : IUnansweredStore
{
    private readonly ILiteCollection<UnansweredMessage> _messages;

    public LiteDbUnansweredStore(ILiteDatabase database)
    {
        _messages = database.GetCollection<UnansweredMessage>("insight_unanswered");
        _messages.EnsureIndex(m => m.At);
        _messages.EnsureIndex(m => m.ConversationId);
    }

    /// <inheritdoc/>
    public void Add(UnansweredMessage message) => _messages.Insert(message);

    /// <inheritdoc/>
    public void SuggestionTaken(string conversationId)
    {
        var latest = _messages.Find(m => m.ConversationId == conversationId).OrderByDescending(m => m.At).FirstOrDefault();
        if (latest is { Unsure: true, Status: UnansweredStatus.Open }) _messages.Delete(latest.Id);
    }

    /// <inheritdoc/>
    public IReadOnlyList<UnansweredMessage> Since(DateTime since) =>
        [.. _messages.Find(Query.GTE(nameof(UnansweredMessage.At), since)).OrderByDescending(m => m.At)];

    /// <inheritdoc/>
    public void Update(IEnumerable<UnansweredMessage> messages) => _messages.Update(messages);

    /// <summary>Writes messages as they are (tests' seeding).</summary>
    public void InsertBulk(IEnumerable<UnansweredMessage> messages) => _messages.InsertBulk(messages);

    /// <inheritdoc/>
    public IReadOnlyList<UnansweredMessage> Of(Privacy.PersonalDataSubject subject) =>
        [.. _messages.FindAll().Where(m => subject.ConversationIds.Contains(m.ConversationId) || subject.UserIds.Contains(m.UserId))];

    /// <inheritdoc/>
    public int Delete(IEnumerable<int> ids) => ids.Count(id => _messages.Delete(id));
}
