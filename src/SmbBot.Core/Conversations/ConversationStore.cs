using LiteDB;

namespace SmbBot.Core.Conversations;

/// <summary>Conversation memory in LiteDB (collection <c>conversations</c>).</summary>
public sealed class ConversationStore
{
    private readonly ILiteCollection<ConversationRecord> _records;

    public ConversationStore(ILiteDatabase database)
    {
        _records = database.GetCollection<ConversationRecord>("conversations");
        _records.EnsureIndex(r => r.UpdatedAt);
    }

    /// <summary>The record of a conversation, or a new one.</summary>
    public ConversationRecord Load(string conversationId) =>
        _records.FindById(conversationId) ?? new ConversationRecord { Id = conversationId };

    /// <summary>Writes the record.</summary>
    public void Save(ConversationRecord record) => _records.Upsert(record);

    /// <summary>Records of one person: by conversation or user id, e-mail address or CRM id (a full scan: admin use only).</summary>
    public IReadOnlyList<ConversationRecord> Of(Privacy.PersonalDataSubject subject) =>
        _records.FindAll().Where(r => subject.ConversationIds.Contains(r.Id) || subject.UserIds.Contains(r.UserId)
            || subject.HasEmail(r.Email) || (subject.CustomerId is { } id && r.CustomerId == id)).ToArray();

    /// <summary>Deletes these records; returns how many there were.</summary>
    public int Delete(IEnumerable<string> ids) => ids.Count(id => _records.Delete(id));

    /// <summary>
    /// Deletes the memory of conversations idle since before <paramref name="cutoff"/> that have no open ticket; a
    /// ticket keeps its own transcript. Returns how many were deleted.
    /// </summary>
    public int DeleteIdle(DateTime cutoff) =>
        _records.DeleteMany(r => r.UpdatedAt < cutoff && r.OpenTicketId == null);
}
