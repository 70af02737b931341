using LiteDB;

namespace SmbBot.Core.Insight;

/// <summary>The unanswered inbox's messages in LiteDB (collection <c>insight_unanswered</c>).</summary>
public sealed class UnansweredStore
{
    private readonly ILiteCollection<UnansweredMessage> _messages;

    public UnansweredStore(ILiteDatabase database)
    {
        _messages = database.GetCollection<UnansweredMessage>("insight_unanswered");
        _messages.EnsureIndex(m => m.At);
        _messages.EnsureIndex(m => m.ConversationId);
    }

    public void Add(UnansweredMessage message) => _messages.Insert(message);

    /// <summary>
    /// The customer took a suggestion of the "did you mean" just before: that message was answered after all.
    /// </summary>
    public void SuggestionTaken(string conversationId)
    {
        var latest = _messages.Find(m => m.ConversationId == conversationId).OrderByDescending(m => m.At).FirstOrDefault();
        if (latest is { Unsure: true, Status: UnansweredStatus.Open }) _messages.Delete(latest.Id);
    }

    /// <summary>Messages since <paramref name="since"/>, newest first.</summary>
    public IReadOnlyList<UnansweredMessage> Since(DateTime since) =>
        [.. _messages.Find(Query.GTE(nameof(UnansweredMessage.At), since)).OrderByDescending(m => m.At)];

    public void Update(IEnumerable<UnansweredMessage> messages) => _messages.Update(messages);

    public void InsertBulk(IEnumerable<UnansweredMessage> messages) => _messages.InsertBulk(messages);

    /// <summary>Messages of these conversations or users.</summary>
    public IReadOnlyList<UnansweredMessage> Of(Privacy.PersonalDataSubject subject) =>
        [.. _messages.FindAll().Where(m => subject.ConversationIds.Contains(m.ConversationId) || subject.UserIds.Contains(m.UserId))];

    public int Delete(IEnumerable<int> ids) => ids.Count(id => _messages.Delete(id));
}
