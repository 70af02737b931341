using SmbBot.Core.DirectLine;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every Direct Line store does: one suite, run against LiteDB (<see cref="LiteDbDirectLineStoreTests"/>) and
/// PostgreSQL (<see cref="PostgreSqlDirectLineStoreTests"/>). Each test starts from an empty store.
/// </summary>
public abstract class DirectLineStoreContract
{
    protected const int Kb = 1024;
    protected static readonly DateTime Now = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>A store on the test's (empty at first) database with these limits.</summary>
    protected abstract IDirectLineStore Store(int conversationMb = 100, int totalMb = 1000, int maxHistory = 1000);

    /// <summary>An activity of exactly <paramref name="bytes"/> UTF-8 bytes.</summary>
    protected static string Activity(int seq, int bytes) => $"{{\"id\":\"{seq}\",\"pad\":\"{new string('x', bytes - 18 - seq.ToString().Length)}\"}}";

    protected static Appended Add(IDirectLineStore store, string conversation, int bytes, bool withinQuota = true, DateTime? at = null) =>
        store.Append(conversation, at ?? Now, seq => Activity(seq, bytes), withinQuota);

    [Fact]
    public void An_unknown_conversation_is_absent_everywhere_and_nothing_is_stored_for_it()
    {
        var store = Store();

        Assert.Null(store.Get("nobody"));
        Assert.Equal(AppendOutcome.NoConversation, Add(store, "nobody", 100).Outcome);
        Assert.Null(store.RenewTokenGeneration("nobody", 0));
        Assert.Empty(store.After("nobody", 0, long.MaxValue));
        Assert.Equal(0, store.Delete(["nobody"]));
        Assert.Null(store.Get("nobody"));
    }

    [Fact]
    public void A_conversation_is_created_once_and_read_back_whole()
    {
        var store = Store();

        var (created, isNew) = store.GetOrCreate("c1", "user-1", verified: true, Now)!.Value;
        var (again, isNewAgain) = store.GetOrCreate("c1", "someone-else", verified: false, Now.AddHours(1))!.Value;

        Assert.True(isNew);
        Assert.False(isNewAgain);
        foreach (var c in new[] { created, again, store.Get("c1")! })
        {
            Assert.Equal(("c1", "user-1", true, 0, 0L, 0), (c.Id, c.UserId, c.Verified, c.LastSeq, c.StoredBytes, c.TokenGeneration));
            Assert.Equal((Now, Now), (c.CreatedAt.ToUniversalTime(), c.LastActiveAt.ToUniversalTime()));
        }
    }

    [Fact]
    public void Activities_are_numbered_from_one_and_read_after_a_watermark_exactly_as_stored()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, Now);
        store.GetOrCreate("c2", "u", false, Now);
        // Text the JSON carries as it is: quotes, an escaped control character, accents and an emoji.
        var texts = new[] { "hello", "a \\\"quoted\\\" word and \\u0000", "café 😀", "bye" };
        var stored = texts.Select(t => store.Append("c1", Now.AddMinutes(1), seq => $"{{\"id\":\"c1|{seq}\",\"text\":\"{t}\"}}", withinQuota: true)).ToArray();
        Add(store, "c2", 100);

        Assert.Equal([1, 2, 3, 4], stored.Select(s => s.Seq));
        Assert.All(stored, s => Assert.Equal(AppendOutcome.Stored, s.Outcome));
        Assert.Equal("{\"id\":\"c1|3\",\"text\":\"café 😀\"}", stored[2].Json);
        var after = store.After("c1", 1, long.MaxValue);
        Assert.Equal([2, 3, 4], after.Select(a => a.Seq));
        Assert.Equal(stored[1..].Select(s => s.Json), after.Select(a => a.Json));
        Assert.All(after, a => Assert.Equal(("c1", $"c1|{a.Seq:D10}"), (a.ConversationId, a.Key)));
        Assert.Equal([1, 2, 3, 4], store.After("c1", -5, long.MaxValue).Select(a => a.Seq));
        Assert.Empty(store.After("c1", 4, long.MaxValue));
        Assert.Equal([1, 2], store.After("c1", 0, long.MaxValue, maxCount: 2).Select(a => a.Seq));
        var c1 = store.Get("c1")!;
        Assert.Equal((4, Now.AddMinutes(1)), (c1.LastSeq, c1.LastActiveAt.ToUniversalTime()));
        Assert.Equal([1], store.After("c2", 0, long.MaxValue).Select(a => a.Seq));
    }

    [Fact]
    public void A_page_is_bounded_by_bytes_and_an_activity_larger_than_a_page_goes_alone()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, Now);
        for (int i = 0; i < 7; i++) Add(store, "c1", 300 * Kb);
        Add(store, "c1", 600 * Kb);
        Add(store, "c1", 10 * Kb);

        var seen = new List<int>();
        var pages = new List<int>();
        for (var watermark = 0; store.After("c1", watermark, maxBytes: 1024 * Kb) is { Count: > 0 } page; watermark = page[^1].Seq)
        {
            Assert.InRange(page.Sum(a => (long)a.Json.Length), 1, 1024 * Kb);
            seen.AddRange(page.Select(a => a.Seq));
            pages.Add(page.Count);
        }

        Assert.Equal(Enumerable.Range(1, 9), seen);
        Assert.Equal([3, 3, 3], pages); // three 300 KB activities to a 1 MB page, then 300 KB + 600 KB + 10 KB
        Assert.Equal([8], store.After("c1", 7, maxBytes: 256 * Kb).Select(a => a.Seq));
        Assert.Equal([9], store.After("c1", 8, maxBytes: 256 * Kb).Select(a => a.Seq));
    }

    [Fact]
    public void A_post_over_the_conversations_quota_is_refused_and_uses_no_number_while_the_bot_may_still_answer()
    {
        var store = Store(conversationMb: 1);
        store.GetOrCreate("c1", "u", false, Now);
        for (int i = 0; i < 3; i++) Add(store, "c1", 300 * Kb);

        var refused = Add(store, "c1", 300 * Kb);
        var bot = Add(store, "c1", 300 * Kb, withinQuota: false);

        Assert.Equal(AppendOutcome.ConversationFull, refused.Outcome);
        Assert.Equal((AppendOutcome.Stored, 4), (bot.Outcome, bot.Seq));
        Assert.Equal([1, 2, 3, 4], store.After("c1", 0, long.MaxValue).Select(a => a.Seq));
        Assert.Equal(1200 * Kb, store.Get("c1")!.StoredBytes);
    }

    [Fact]
    public void When_the_channel_holds_its_quota_new_posts_and_new_conversations_are_refused_until_idle_ones_expire()
    {
        var store = Store(conversationMb: 10, totalMb: 10);
        store.GetOrCreate("c1", "u", false, Now.AddDays(-5));
        for (int i = 0; i < 34; i++) Assert.Equal(AppendOutcome.Stored, Add(store, "c1", 300 * Kb, at: Now.AddDays(-5)).Outcome);
        Assert.NotNull(store.GetOrCreate("c2", "u", false, Now)); // still under the quota

        Assert.Equal(AppendOutcome.StoreFull, Add(store, "c2", 300 * Kb).Outcome);
        Add(store, "c1", 300 * Kb, withinQuota: false, at: Now.AddDays(-5)); // the bot's answer takes it over
        Assert.Null(store.GetOrCreate("c3", "u", false, Now));
        Assert.Null(store.Get("c3"));
        Assert.Empty(store.After("c2", 0, long.MaxValue));

        Assert.Equal(1, store.ExpireIdle(Now.AddDays(-1)));
        Assert.Null(store.Get("c1"));
        Assert.Empty(store.After("c1", 0, long.MaxValue));
        Assert.NotNull(store.Get("c2"));
        Assert.NotNull(store.GetOrCreate("c3", "u", false, Now));
        Assert.Equal(AppendOutcome.Stored, Add(store, "c3", 300 * Kb).Outcome);
    }

    [Fact]
    public void The_history_limit_drops_the_oldest_activities_and_gives_their_bytes_back()
    {
        var store = Store(maxHistory: 50);
        store.GetOrCreate("c1", "u", false, Now);
        for (int i = 0; i < 80; i++) Add(store, "c1", 1 * Kb);

        Assert.Equal(Enumerable.Range(31, 50), store.After("c1", 0, long.MaxValue, maxCount: 1000).Select(a => a.Seq));
        Assert.Equal((80, 50L * Kb), (store.Get("c1")!.LastSeq, store.Get("c1")!.StoredBytes));
    }

    [Fact]
    public void A_token_generation_is_renewed_once_and_an_older_one_cannot_renew_again()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, Now);

        Assert.Equal(1, store.RenewTokenGeneration("c1", 0));
        Assert.Null(store.RenewTokenGeneration("c1", 0));
        Assert.Equal(2, store.RenewTokenGeneration("c1", 1));
        Assert.Equal(2, store.Get("c1")!.TokenGeneration);
    }

    [Fact]
    public async Task A_wait_ends_at_once_when_there_is_news_when_an_activity_is_added_and_when_cancelled()
    {
        var store = Store();
        store.GetOrCreate("c1", "u", false, Now);
        Add(store, "c1", 100);

        await store.ChangedAsync("c1", 0, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        var waiting = store.ChangedAsync("c1", 1, CancellationToken.None);
        using var gone = new CancellationTokenSource();
        var cancelled = store.ChangedAsync("c1", 1, gone.Token);
        await Task.Delay(50);
        Assert.False(waiting.IsCompleted);
        gone.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Add(store, "c1", 100);
        await waiting.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_persons_conversations_are_found_by_user_or_conversation_id_and_deleted_with_their_activities()
    {
        var store = Store();
        foreach (var (id, user) in new[] { ("c1", "user-1"), ("c2", "user-1"), ("c3", "user-2"), ("c4", "user-3") })
        {
            store.GetOrCreate(id, user, false, Now);
            Add(store, id, 100);
        }

        var found = store.Of(new HashSet<string> { "user-1" }, new HashSet<string> { "c3", "unknown" });

        Assert.Equal(["c1", "c2", "c3"], found.Select(c => c.Id).Order());
        Assert.Empty(store.Of(new HashSet<string>(), new HashSet<string>()));
        Assert.Equal(3, store.Delete(found.Select(c => c.Id).Append("c1").Append("unknown")));
        Assert.All(["c1", "c2", "c3"], id => Assert.Null(store.Get(id)));
        Assert.Empty(store.After("c1", 0, long.MaxValue));
        Assert.Equal([1], store.After("c4", 0, long.MaxValue).Select(a => a.Seq));
        // A conversation started again after its erasure begins at number 1.
        store.GetOrCreate("c1", "user-1", false, Now);
        Assert.Equal(1, Add(store, "c1", 100).Seq);
    }

    [Fact]
    public void Expiry_deletes_only_conversations_idle_since_before_the_cutoff()
    {
        var store = Store();
        store.GetOrCreate("old", "u", false, Now.AddDays(-10));
        store.GetOrCreate("old-but-active", "u", false, Now.AddDays(-10));
        Add(store, "old-but-active", 100, at: Now);
        store.GetOrCreate("new", "u", false, Now);

        Assert.Equal(1, store.ExpireIdle(Now.AddDays(-3)));
        Assert.Equal(["new", "old-but-active"], new[] { "old", "old-but-active", "new" }.Where(id => store.Get(id) is not null).Order());
        Assert.Equal(0, store.ExpireIdle(Now.AddDays(-3)));
    }
}
