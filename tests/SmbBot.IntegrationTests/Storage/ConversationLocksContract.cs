using SmbBot.Core.Conversations;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>What every conversation lock must do, in one process or across hosts.</summary>
public abstract class ConversationLocksContract
{
    protected abstract IConversationLocks Locks { get; }

    /// <summary>A second set of locks on the same state: another host, or the same process for the in-memory locks.</summary>
    protected abstract IConversationLocks OtherHost { get; }

    [Fact]
    public async Task A_second_turn_of_the_same_conversation_waits_for_the_first()
    {
        var first = await Locks.EnterAsync("conv-a", CancellationToken.None);
        var second = OtherHost.EnterAsync("conv-a", CancellationToken.None);

        await Task.Delay(300);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_cancelled_wait_takes_nothing_and_leaves_the_lock_usable()
    {
        var first = await Locks.EnterAsync("conv-b", CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => OtherHost.EnterAsync("conv-b", cancel.Token));
        first.Dispose();
        first.Dispose();
        (await OtherHost.EnterAsync("conv-b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        (await Locks.EnterAsync("conv-b", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Many_turns_at_once_on_one_conversation_run_one_at_a_time()
    {
        int inside = 0, most = 0, done = 0;
        await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            using (await (i % 2 == 0 ? Locks : OtherHost).EnterAsync("conv-c", CancellationToken.None))
            {
                var now = Interlocked.Increment(ref inside);
                InterlockedMax(ref most, now);
                await Task.Delay(10);
                Interlocked.Decrement(ref inside);
                Interlocked.Increment(ref done);
            }
        })).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, most);
        Assert.Equal(12, done);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
