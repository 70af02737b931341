using Microsoft.Extensions.VectorData;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>
/// What every store of FAQ phrasings does: one suite, run against LiteDB (<see cref="LiteDbFaqCollectionTests"/>) and
/// PostgreSQL (<see cref="PostgreSqlFaqCollectionTests"/>). Each test gets an empty store.
/// </summary>
public abstract class FaqCollectionContract
{
    /// <summary>A new collection on the test's store (a restart, or a second host on the same store).</summary>
    protected abstract FaqPhrasingCollection Open();

    internal static float[] Vector(int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, FaqPhrasingCollection.Dimensions).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
    }

    internal static FaqPhrasingRecord Phrasing(string key, string text, int seed, string kind = FaqPhrasingRecord.Question) => new()
    {
        Key = key, FaqId = key.Split('#')[0], Kind = kind, Text = text, TextHash = "h-" + text.GetHashCode(StringComparison.Ordinal), Vector = Vector(seed),
    };

    private static async Task<List<FaqPhrasingRecord>> All(FaqPhrasingCollection collection, bool vectors = true)
    {
        var all = new List<FaqPhrasingRecord>();
        await foreach (var r in collection.GetAsync(_ => true, int.MaxValue, new() { IncludeVectors = vectors })) all.Add(r);
        return all;
    }

    [Fact]
    public async Task Stored_phrasings_come_back_whole_in_key_order_after_a_restart()
    {
        await Open().UpsertAsync([Phrasing("parking#0", "Where can I park", 2), Phrasing("hours#answer", "9 to 5", 1, FaqPhrasingRecord.Answer), Phrasing("hours#0", "When are you open", 3)]);

        var reopened = Open();
        var all = await All(reopened);

        Assert.Equal(["hours#0", "hours#answer", "parking#0"], all.Select(r => r.Key));
        var answer = all[1];
        Assert.Equal(("hours", FaqPhrasingRecord.Answer, "9 to 5"), (answer.FaqId, answer.Kind, answer.Text));
        Assert.Equal(Vector(1), answer.Vector.ToArray());
        Assert.Equal(3, reopened.Count);
        var one = await reopened.GetAsync("parking#0");
        Assert.Equal(("Where can I park", 0), (one!.Text, one.Vector.Length));
        Assert.Null(await reopened.GetAsync("nothing#0"));
    }

    [Fact]
    public async Task An_upsert_replaces_by_key_and_a_delete_removes_only_the_keys_named()
    {
        var collection = Open();
        await collection.UpsertAsync([Phrasing("a#0", "old text", 1), Phrasing("b#0", "bee", 2), Phrasing("c#0", "sea", 3)]);

        await collection.UpsertAsync(Phrasing("a#0", "new text", 4));
        await collection.DeleteAsync(["b#0", "unknown#9"]);

        var all = await All(Open());
        Assert.Equal(["a#0", "c#0"], all.Select(r => r.Key));
        Assert.Equal("new text", all[0].Text);
        Assert.Equal(Vector(4), all[0].Vector.ToArray());
        Assert.Equal(["a#0"], (await All(collection, vectors: false)).Where(r => r.Text == "new text").Select(r => r.Key));
    }

    [Fact]
    public async Task A_vector_of_the_wrong_size_is_refused_and_nothing_of_the_batch_is_stored()
    {
        var collection = Open();
        var wrong = Phrasing("b#0", "short", 2);
        wrong.Vector = new float[12];

        var error = await Assert.ThrowsAsync<ArgumentException>(() => collection.UpsertAsync([Phrasing("a#0", "fine", 1), wrong]));

        Assert.Contains("'b#0' has a vector of 12 dimensions; 384 are needed", error.Message);
        Assert.Empty(await All(Open()));
    }

    [Fact]
    public async Task Deleting_the_collection_empties_the_store()
    {
        var collection = Open();
        await collection.UpsertAsync([Phrasing("a#0", "one", 1), Phrasing("b#0", "two", 2)]);

        await collection.EnsureCollectionDeletedAsync();

        Assert.Equal(0, collection.Count);
        Assert.Empty(await All(Open()));
    }

    [Fact]
    public async Task Search_ranks_by_cosine_similarity_and_honours_filter_skip_threshold_and_keywords()
    {
        var collection = Open();
        await collection.UpsertAsync([Phrasing("a#0", "gift cards for sale", 1), Phrasing("b#0", "parking behind the shop", 2),
            Phrasing("c#0", "opening hours", 3), Phrasing("c#answer", "open nine to five", 3, FaqPhrasingRecord.Answer)]);
        var query = Vector(2).Zip(Vector(3), (x, y) => x + 0.6f * y).ToArray();

        var ranked = await collection.SearchAsync(query, 3).ToListAsync();
        var questions = await collection.SearchAsync(query, 5, new() { Filter = r => r.Kind == FaqPhrasingRecord.Question, Skip = 1 }).ToListAsync();
        var above = await collection.SearchAsync(query, 5, new() { ScoreThreshold = 0.7 }).ToListAsync();
        var plain = await collection.SearchAsync(Vector(3), 1).ToListAsync();
        var hybrid = await collection.HybridSearchAsync(Vector(3), ["nine", "five"], 1).ToListAsync();

        Assert.Equal(["b#0", "c#0", "c#answer"], ranked.Select(r => r.Record.Key));
        Assert.True(ranked[0].Score > ranked[1].Score);
        Assert.Equal(["c#0", "a#0"], questions.Select(r => r.Record.Key));
        Assert.Equal(["b#0"], above.Select(r => r.Record.Key));
        Assert.Equal("c#0", Assert.Single(plain).Record.Key);
        Assert.Equal("c#answer", Assert.Single(hybrid).Record.Key);
        Assert.Throws<ArgumentException>(() => collection.Rank(new float[3], null, 1));
    }

    [Fact]
    public async Task A_second_host_sees_a_publish_once_it_reloads()
    {
        var a = Open();
        var b = Open();

        await a.UpsertAsync([Phrasing("a#0", "one", 1), Phrasing("b#0", "two", 2)]);
        var before = b.Count;
        b.Reload();

        Assert.Equal((0, 2), (before, b.Count));
        Assert.Equal("b#0", b.Rank(Vector(2), null, 1)[0].Record.Key);
    }
}
