namespace SmbBot.Core.Conversations;

/// <summary>
/// One turn at a time per conversation: a customer who sends two messages at once, or a staff reply arriving during a
/// bot turn, must see what the other stored. In one process a striped in-memory lock; with several hosts on one
/// database, a lock in the database.
/// </summary>
public interface IConversationLocks
{
    /// <summary>Waits for the conversation's lock; dispose the result to release it. Throws <see cref="ConversationBusyException"/> when it cannot be had in time.</summary>
    Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>The conversation's lock was held elsewhere for longer than the wait allows (a stuck turn on another host).</summary>
public sealed class ConversationBusyException(TimeSpan waited)
    : Exception($"the conversation was busy for {waited.TotalSeconds:0} s (another turn held it); try again");
