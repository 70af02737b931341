using LiteDB;
using SmbBot.Bot.DirectLine;
using SmbBot.Core.DirectLine;

namespace SmbBot.UnitTests.DirectLine;

/// <summary>The channel's store on a real LiteDB file: bounded pages, storage quotas, token generations.</summary>
public class DirectLineStoreTests : IDisposable
{
    private const int Kb = 1024;
    private readonly TempFolder _folder = new();
    private readonly LiteDatabase _db;
    private readonly DateTime _now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    public DirectLineStoreTests() => _db = new LiteDatabase(Path.Combine(_folder.Path, "dl.db")) { UtcDate = true };

    private LiteDbDirectLineStore Store(int conversationMb = 100, int totalMb = 1000, int maxHistory = 1000) =>
        new(_db, new DirectLineOptions { ConversationQuotaMegabytes = conversationMb, StorageQuotaMegabytes = totalMb, MaxHistory = maxHistory });

    /// <summary>An activity of exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    private static string Activity(int seq, int bytes) => $"{{\"id\":\"{seq}\",\"pad\":\"{new string('x', bytes - 18 - seq.ToString().Length)}\"}}";

    private Appended Add(LiteDbDirectLineStore store, string conversation, int bytes, bool withinQuota = true) =>
        store.Append(conversation, _now, seq => Activity(seq, bytes), withinQuota);

    [Fact]
    public void A_page_of_big_activities_is_bounded_by_bytes_and_the_watermark_still_reaches_every_one_in_order()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, _now);
        for (int i = 0; i < 40; i++) Assert.Equal(AppendOutcome.Stored, Add(store, "c1", 300 * Kb).Outcome);

        var seen = new List<int>();
        var watermark = 0;
        var pages = 0;
        while (store.After("c1", watermark, maxBytes: 1024 * Kb) is { Count: > 0 } page)
        {
            Assert.InRange(page.Sum(a => (long)a.Json.Length), 1, 1024 * Kb);
            seen.AddRange(page.Select(a => a.Seq));
            watermark = page[^1].Seq;
            pages++;
        }

        Assert.Equal(Enumerable.Range(1, 40), seen);
        Assert.Equal(14, pages); // three 300 KB activities to a 1 MB page
    }

    [Fact]
    public void An_activity_larger_than_a_page_goes_alone_rather_than_blocking_the_conversation()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, _now);
        Add(store, "c1", 600 * Kb);
        Add(store, "c1", 10 * Kb);

        Assert.Equal([1], store.After("c1", 0, maxBytes: 256 * Kb).Select(a => a.Seq));
        Assert.Equal([2], store.After("c1", 1, maxBytes: 256 * Kb).Select(a => a.Seq));
    }

    [Fact]
    public async Task Reading_and_writing_one_poll_allocates_about_one_page_however_much_is_stored()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, _now);
        for (int i = 0; i < 40; i++) Add(store, "c1", 300 * Kb);
        var options = new DirectLineOptions { MaxPageKilobytes = 1024 };
        await WriteAsync(DirectLinePage.Read(store, options, "c1", 0)); // warm up LiteDB's caches

        var before = GC.GetAllocatedBytesForCurrentThread();
        var page = DirectLinePage.Read(store, options, "c1", 0);
        var written = await WriteAsync(page);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.InRange(written, 1, 1024 * Kb + 100);
        // The whole conversation (12 MB of JSON, 24 MB as strings) was read and joined into one string before.
        Assert.InRange(allocated, 0, 8L * 1024 * Kb);
    }

    private static async Task<long> WriteAsync(DirectLinePage page)
    {
        long written = 0;
        await page.WriteAsync((bytes, _, _) => { written += bytes.Length; return ValueTask.CompletedTask; }, CancellationToken.None);
        return written;
    }

    [Fact]
    public void A_post_over_the_conversations_quota_is_refused_and_stores_nothing_while_the_bot_may_still_answer()
    {
        var store = Store(conversationMb: 1);
        store.GetOrCreate("c1", "u", false, _now);
        for (int i = 0; i < 3; i++) Add(store, "c1", 300 * Kb);

        var refused = Add(store, "c1", 300 * Kb);
        var bot = Add(store, "c1", 300 * Kb, withinQuota: false);

        Assert.Equal(AppendOutcome.ConversationFull, refused.Outcome);
        Assert.Equal((AppendOutcome.Stored, 4), (bot.Outcome, bot.Seq)); // no sequence number was used up by the refusal
        Assert.Equal([1, 2, 3, 4], store.After("c1", 0, long.MaxValue).Select(a => a.Seq));
    }

    [Fact]
    public void When_the_channel_holds_its_quota_new_posts_and_new_conversations_are_refused_until_idle_ones_expire()
    {
        var store = Store(conversationMb: 10, totalMb: 10);
        store.GetOrCreate("c1", "u", false, _now);
        for (int i = 0; i < 34; i++) Assert.Equal(AppendOutcome.Stored, Add(store, "c1", 300 * Kb).Outcome);
        Assert.NotNull(store.GetOrCreate("c2", "u", false, _now)); // still under the quota

        Assert.Equal(AppendOutcome.StoreFull, Add(store, "c2", 300 * Kb).Outcome);
        Add(store, "c1", 300 * Kb, withinQuota: false); // the bot's answer takes it over
        Assert.Null(store.GetOrCreate("c3", "u", false, _now));
        Assert.Empty(store.After("c2", 0, long.MaxValue));

        store.ExpireIdle(_now.AddMinutes(1));
        Assert.Equal(0, store.StoredBytes);
        Assert.NotNull(store.GetOrCreate("c3", "u", false, _now));
        Assert.Equal(AppendOutcome.Stored, Add(store, "c3", 300 * Kb).Outcome);
    }

    [Fact]
    public void Stored_bytes_follow_the_history_limit_and_survive_a_restart()
    {
        var store = Store(maxHistory: 50);
        store.GetOrCreate("c1", "u", false, _now);
        for (int i = 0; i < 80; i++) Add(store, "c1", 1 * Kb);

        Assert.Equal(50 * Kb, store.StoredBytes);
        Assert.Equal(50 * Kb, store.Get("c1")!.StoredBytes);
        Assert.Equal(50 * Kb, Store(maxHistory: 50).StoredBytes);
    }

    [Fact]
    public void Erasing_a_conversation_gives_its_bytes_back_to_the_channels_quota()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, _now);
        store.GetOrCreate("c2", "u", false, _now);
        Add(store, "c1", 10 * Kb);
        Add(store, "c2", 20 * Kb);

        store.Delete(["c1"]);

        Assert.Equal(20 * Kb, store.StoredBytes);
    }

    [Fact]
    public void A_token_generation_is_renewed_once_and_an_older_one_cannot_renew_again()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, _now);

        Assert.Equal(1, store.RenewTokenGeneration("c1", 0));
        Assert.Null(store.RenewTokenGeneration("c1", 0));
        Assert.Equal(2, store.RenewTokenGeneration("c1", 1));
        Assert.Null(store.RenewTokenGeneration("unknown", 0));
        Assert.True(DirectLineAccess.IsReplaced(new TokenClaims("c1", "u", false, DateTimeOffset.MaxValue, 1), store.Get("c1")));
        Assert.False(DirectLineAccess.IsReplaced(new TokenClaims("c1", "u", false, DateTimeOffset.MaxValue, 2), store.Get("c1")));
    }

    [Fact]
    public async Task A_closed_stream_leaves_no_waiter_behind_and_a_waiting_stream_is_still_woken_by_an_append()
    {
        var store = Store();
        for (var i = 0; i < 200; i++)
        {
            var chat = $"chat-{i}";
            store.GetOrCreate(chat, "u", false, _now);
            using var closing = new CancellationTokenSource();
            var waiting = store.ChangedAsync(chat, 0, closing.Token);
            closing.Cancel(); // the customer closed the page
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        }
        Assert.Equal(0, store.WaitedOn);

        store.GetOrCreate("c1", "u", false, _now);
        var first = store.ChangedAsync("c1", 0, CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var second = store.ChangedAsync("c1", 0, gone.Token);
        gone.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second);
        Assert.False(first.IsCompleted);
        Add(store, "c1", 100);
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(0, store.WaitedOn);
    }

    public void Dispose()
    {
        _db.Dispose();
        _folder.Dispose();
    }
}
