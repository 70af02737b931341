using SmbBot.Core.Conversations;

namespace SmbBot.Bot;

/// <summary>
/// Serialises turns of the same conversation (a customer who sends two messages at once) so that the second turn sees
/// what the first one stored. Locks are striped by conversation id: bounded memory, rare sharing. One process only:
/// several hosts on one database use the database's lock instead.
/// </summary>
public sealed class ConversationLocks : IConversationLocks
{
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>Waits for the conversation's lock; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(string conversationId, CancellationToken cancellationToken)
    {
        var stripe = _stripes[(uint)StringComparer.Ordinal.GetHashCode(conversationId) % (uint)_stripes.Length];
        await stripe.WaitAsync(cancellationToken);
        return new Release(stripe);
    }

    private sealed class Release(SemaphoreSlim stripe) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) stripe.Release();
        }
    }
}
