namespace SmbBot.Core.Insight;

/// <summary>The unanswered inbox's messages: LiteDB (<see cref="LiteDbUnansweredStore"/>) or PostgreSQL.</summary>
public interface IUnansweredStore
{
    /// <summary>Keeps a message; its <see cref="UnansweredMessage.Id"/> is set.</summary>
    void Add(UnansweredMessage message);

    /// <summary>
    /// The customer took a suggestion of the "did you mean" just before: that message was answered after all.
    /// </summary>
    void SuggestionTaken(string conversationId);

    /// <summary>Messages since <paramref name="since"/>, newest first.</summary>
    IReadOnlyList<UnansweredMessage> Since(DateTime since);

    /// <summary>Writes these messages over the stored ones with their ids.</summary>
    void Update(IEnumerable<UnansweredMessage> messages);

    /// <summary>Messages of these conversations or users.</summary>
    IReadOnlyList<UnansweredMessage> Of(Privacy.PersonalDataSubject subject);

    /// <summary>Deletes these messages; returns how many there were.</summary>
    int Delete(IEnumerable<int> ids);
}
