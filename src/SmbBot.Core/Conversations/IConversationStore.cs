namespace SmbBot.Core.Conversations;

/// <summary>The bot's memory of each conversation: LiteDB (<see cref="LiteDbConversationStore"/>) or PostgreSQL.</summary>
public interface IConversationStore
{
    /// <summary>The record of a conversation, or a new one (not stored until saved).</summary>
    ConversationRecord Load(string conversationId);

    /// <summary>Writes the record, replacing the one stored under its id.</summary>
    void Save(ConversationRecord record);

    /// <summary>Records of one person: by conversation or user id, e-mail address or CRM id (admin use only).</summary>
    IReadOnlyList<ConversationRecord> Of(Privacy.PersonalDataSubject subject);

    /// <summary>Deletes these records; returns how many there were.</summary>
    int Delete(IEnumerable<string> ids);

    /// <summary>
    /// Deletes the memory of conversations idle since before <paramref name="cutoff"/> that have no open ticket; a
    /// ticket keeps its own transcript. Returns how many were deleted.
    /// </summary>
    int DeleteIdle(DateTime cutoff);
}
