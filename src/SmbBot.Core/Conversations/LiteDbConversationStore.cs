using LiteDB;

namespace SmbBot.Core.Conversations;

/// <summary>Conversation memory in LiteDB (collection <c>conversations</c>); <see cref="Of"/> is a full scan.</summary>
public sealed class LiteDbConversationStore : IConversationStore
{
    private readonly ILiteCollection<ConversationRecord> _records;

    public LiteDbConversationStore(ILiteDatabase database)
    {
        _records = database.GetCollection<ConversationRecord>("conversations");
        _records.EnsureIndex(r => r.UpdatedAt);
    }

    /// <inheritdoc/>
    public ConversationRecord Load(string conversationId) =>
        _records.FindById(conversationId) ?? new ConversationRecord { Id = conversationId };

    /// <inheritdoc/>
    public void Save(ConversationRecord record) => _records.Upsert(record);

    /// <inheritdoc/>
    public IReadOnlyList<ConversationRecord> Of(Privacy.PersonalDataSubject subject) =>
        _records.FindAll().Where(r => subject.ConversationIds.Contains(r.Id) || subject.UserIds.Contains(r.UserId)
            || subject.HasEmail(r.Email) || (subject.CustomerId is { } id && r.CustomerId == id)).ToArray();

    /// <inheritdoc/>
    public int Delete(IEnumerable<string> ids) => ids.Count(id => _records.Delete(id));

    /// <inheritdoc/>
    public int DeleteIdle(DateTime cutoff) =>
        _records.DeleteMany(r => r.UpdatedAt < cutoff && r.OpenTicketId == null);
}
