using LiteDB;
using Microsoft.SemanticKernel.Data;
using SmbBot.Core.Faq;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.UnitTests.Retrieval;

/// <summary>Retrieval on a small fixture FAQ with the real MiniLM model and a real LiteDB file.</summary>
public class FaqRetrievalTests : IClassFixture<EmbeddingFixture>, IDisposable
{
    private static readonly FaqEntry[] Faq =
    [
        new("hours", "What are your opening hours?", "9-5.", ["When are you open"], "store", "t"),
        new("parking", "Is there parking at the store?", "Yes, 20 spaces.", ["Where can I park"], "store", "t"),
        new("returns", "What is your return policy?", "30 days.", ["Can I send something back"], "returns", "t"),
        new("refund-time", "How long does a refund take?", "3 days.", [], "returns", "t"),
        new("gift-cards", "Do you sell gift cards?", "Yes.", ["Buy a gift voucher"], "payment", "t"),
    ];

    private readonly TempFolder _folder = new();
    private readonly MiniLmEmbeddingGenerator _embeddings;

    public FaqRetrievalTests(EmbeddingFixture fixture) => _embeddings = fixture.Embeddings;

    private LiteDatabase Open() => new(Path.Combine(_folder.Path, "test.db"));

    [Theory]
    [InlineData("what time do you close today", "hours")]
    [InlineData("where do I leave my car", "parking")]
    [InlineData("I'd like to return a jacket", "returns")]
    [InlineData("how long until I am refunded", "refund-time")]
    [InlineData("can I buy a voucher for my dad", "gift-cards")]
    public async Task Finds_the_entry_for_a_paraphrase(string question, string expected)
    {
        using var db = Open();
        var collection = new LiteDbFaqCollection(db, "faq", _embeddings);
        await FaqIndexer.SyncAsync(collection, Faq, _embeddings);

        var found = new FaqRetriever(collection, Faq).Find(question, _embeddings.Embed(question));

        Assert.Equal(expected, found[0].FaqId);
        Assert.True(found[0].Score > found[1].Score);
    }

    [Fact]
    public async Task An_exact_question_matches_alone_and_scores_one()
    {
        using var db = Open();
        var collection = new LiteDbFaqCollection(db, "faq", _embeddings);
        await FaqIndexer.SyncAsync(collection, Faq, _embeddings);

        var found = new FaqRetriever(collection, Faq).Find("where can I park?", _embeddings.Embed("where can I park?"));

        var only = Assert.Single(found);
        Assert.Equal(("parking", 1.0, true), (only.FaqId, only.Score, only.Exact));
    }

    [Fact]
    public async Task Leaving_a_phrasing_out_scores_it_as_if_the_faq_lacked_it()
    {
        using var db = Open();
        var collection = new LiteDbFaqCollection(db, "faq", _embeddings);
        await FaqIndexer.SyncAsync(collection, Faq, _embeddings);
        var retriever = new FaqRetriever(collection, Faq);
        var vector = _embeddings.Embed("Where can I park");

        var kept = retriever.Find("Where can I park", vector);
        var leftOut = retriever.FindLeavingOut("parking", "where can i park?", vector);

        Assert.True(Assert.Single(kept).Exact);
        Assert.False(leftOut[0].Exact);
        Assert.Equal("parking", leftOut[0].FaqId); // still found through the question "Is there parking at the store?"
        Assert.InRange(leftOut[0].Score, 0.3, 0.95);
        Assert.True(leftOut.Count > 1);
    }

    [Fact]
    public async Task Vectors_persist_and_only_changed_texts_are_embedded_again()
    {
        using (var db = Open())
        {
            var report = await FaqIndexer.SyncAsync(new LiteDbFaqCollection(db, "faq", _embeddings), Faq, _embeddings);
            Assert.Equal(new IndexReport(14, 14, 0, 0), report);
        }
        var changed = Faq.Take(4).Append(Faq[4] with { Alternates = ["Gift certificate"] }).ToArray();
        using (var db = Open())
        {
            var collection = new LiteDbFaqCollection(db, "faq", _embeddings);
            Assert.Equal(14, collection.Count);

            var report = await FaqIndexer.SyncAsync(collection, changed, _embeddings);

            Assert.Equal(new IndexReport(14, 1, 13, 0), report);
            var gift = await collection.GetAsync("gift-cards#1", new() { IncludeVectors = true });
            Assert.Equal("Gift certificate", gift!.Text);
            Assert.Equal(384, gift.Vector.Length);
        }
        using (var db = Open())
        {
            var report = await FaqIndexer.SyncAsync(new LiteDbFaqCollection(db, "faq", _embeddings), Faq.Take(3).ToArray(), _embeddings);
            Assert.Equal(new IndexReport(9, 0, 9, 5), report);
        }
    }

    [Fact]
    public async Task Hybrid_search_through_the_vector_store_interface_ranks_keyword_matches_higher()
    {
        using var db = Open();
        var collection = new LiteDbFaqCollection(db, "faq", _embeddings, keywordWeight: 0.3);
        await FaqIndexer.SyncAsync(collection, Faq, _embeddings);
        var vector = _embeddings.Embed("voucher");

        var dense = await collection.SearchAsync(vector, 3).ToListAsync();
        var hybrid = await collection.HybridSearchAsync(vector, ["voucher"], 3).ToListAsync();

        Assert.Equal("gift-cards", hybrid[0].Record.FaqId);
        var denseVoucher = dense.First(r => r.Record.Key == "gift-cards#1").Score!.Value;
        var hybridVoucher = hybrid.First(r => r.Record.Key == "gift-cards#1").Score!.Value;
        Assert.Equal(0.7 * denseVoucher + 0.3, hybridVoucher, 5);
    }

    [Fact]
    public async Task Searching_by_text_uses_the_embedding_generator()
    {
        using var db = Open();
        var collection = new LiteDbFaqCollection(db, "faq", _embeddings);
        await FaqIndexer.SyncAsync(collection, Faq, _embeddings);

        var results = await collection.SearchAsync("when are you open", 1).ToListAsync();

        Assert.Equal("hours#1", Assert.Single(results).Record.Key);
        Assert.Equal(1.0, results[0].Score!.Value, 3);
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>One embedding model per test run: loading it takes a second.</summary>
public sealed class EmbeddingFixture : IDisposable
{
    public MiniLmEmbeddingGenerator Embeddings { get; } = new();

    public void Dispose() => Embeddings.Dispose();
}

public class FaqTextSearchTests(EmbeddingFixture fixture) : IClassFixture<EmbeddingFixture>
{
    [Fact]
    public async Task Semantic_Kernel_text_search_returns_the_answer_of_the_best_entry()
    {
        FaqEntry[] faq =
        [
            new("parking", "Is there parking at the store?", "Yes, 20 free spaces behind the store.", [], "store", "t"),
            new("hours", "What are your opening hours?", "9:00 to 17:00 every day.", [], "store", "t"),
        ];
        using var folder = new TempFolder();
        using var db = new LiteDatabase(Path.Combine(folder.Path, "t.db"));
        var collection = new LiteDbFaqCollection(db, "faq", fixture.Embeddings);
        await FaqIndexer.SyncAsync(collection, faq, fixture.Embeddings);

        var search = FaqTextSearch.Create(collection, fixture.Embeddings, faq);
        var answers = await search.SearchAsync("where do I leave my car", new() { Top = 1 });
        var results = await search.GetTextSearchResultsAsync("when do you open", new() { Top = 1 });

        Assert.Equal("Yes, 20 free spaces behind the store.", Assert.Single(await answers.Results.ToListAsync()));
        var hours = Assert.Single(await results.Results.ToListAsync());
        Assert.Equal(("What are your opening hours?", "faq:hours"), (hours.Name, hours.Link));
    }
}
