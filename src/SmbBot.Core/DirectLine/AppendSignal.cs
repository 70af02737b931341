namespace SmbBot.Core.DirectLine;

/// <summary>
/// Wakes, in this process, whoever waits for a conversation's next activity. A conversation is listed only while
/// someone waits on it, so a closed stream leaves nothing behind.
/// </summary>
public sealed class AppendSignal
{
    private readonly Dictionary<string, Waiters> _waiting = new();

    /// <summary>How many conversations are waited on now.</summary>
    public int WaitedOn
    {
        get { lock (_waiting) return _waiting.Count; }
    }

    /// <summary>Wakes everyone waiting on <paramref name="conversationId"/>.</summary>
    public void Wake(string conversationId)
    {
        Waiters? woken;
        lock (_waiting) _waiting.Remove(conversationId, out woken);
        woken?.Changed.TrySetResult();
    }

    /// <summary>Wakes every wait (news may have been missed for any conversation); each reads again.</summary>
    public void WakeAll()
    {
        Waiters[] woken;
        lock (_waiting)
        {
            woken = [.. _waiting.Values];
            _waiting.Clear();
        }
        foreach (var waiters in woken) waiters.Changed.TrySetResult();
    }

    /// <summary>
    /// Completes with true when <paramref name="conversationId"/> is woken, or at once when <paramref name="changed"/>
    /// (asked after the wait is listed, so a wake in between is not missed) says it already has news; with false after
    /// <paramref name="atMost"/>, when given, without either.
    /// </summary>
    public async Task<bool> WaitAsync(string conversationId, Func<bool> changed, TimeSpan? atMost, CancellationToken cancellationToken)
    {
        Waiters waiters;
        lock (_waiting)
        {
            if (!_waiting.TryGetValue(conversationId, out waiters!)) _waiting[conversationId] = waiters = new Waiters();
            waiters.Count++;
        }
        try
        {
            if (changed()) return true;
            await waiters.Changed.Task.WaitAsync(atMost ?? Timeout.InfiniteTimeSpan, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            lock (_waiting)
            {
                if (--waiters.Count == 0 && _waiting.TryGetValue(conversationId, out var listed) && listed == waiters) _waiting.Remove(conversationId);
            }
        }
    }

    private sealed class Waiters
    {
        public readonly TaskCompletionSource Changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Count;
    }
}
