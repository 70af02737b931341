using LiteDB;
using Npgsql;
using SmbBot.Core.Faq;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.Knowledge.Embeddings;
using SmbBot.Knowledge.Retrieval;
using SmbBot.Knowledge.VectorStore;
using SmbBot.PostgreSql.Faq;
using SmbBot.PostgreSql.Migrations;
using SmbBot.Understanding;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The same FAQ, indexed with the real embedding model on LiteDB and on PostgreSQL, answers every phrasing alike.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class FaqCollectionSameResultsTests(PostgreSqlTestCluster cluster, FaqCollectionSameResultsTests.Model model)
    : IClassFixture<FaqCollectionSameResultsTests.Model>, IDisposable
{
    private static readonly FaqEntry[] Faq =
    [
        new("hours", "What are your opening hours?", "We are open 9 to 5, Monday to Saturday.", ["When are you open", "Are you open on Sunday"], "store", "t"),
        new("parking", "Is there parking at the store?", "Yes, 20 spaces behind the shop.", ["Where can I park"], "store", "t"),
        new("returns", "What is your return policy?", "You can return anything within 30 days.", ["Can I send something back"], "returns", "t"),
        new("refund-time", "How long does a refund take?", "Refunds reach your card in 3 days.", [], "returns", "t"),
        new("gift-cards", "Do you sell gift cards?", "Yes, in the shop and online.", ["Buy a gift voucher"], "payment", "t"),
    ];

    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly MiniLmEmbeddingGenerator _embeddings = model.Embeddings;

    [Theory]
    [InlineData("what time do you close today")]
    [InlineData("where do I leave my car")]
    [InlineData("I'd like to return a jacket")]
    [InlineData("how long until I am refunded")]
    [InlineData("can I buy a voucher for my dad")]
    [InlineData("where can I park?")]
    [InlineData("do you deliver to Norway")]
    public async Task The_same_phrasings_give_the_same_candidates_and_scores_on_both_stores(string question)
    {
        using var lite = new LiteDatabase(Path.Combine(_folder, "f.db"));
        await using var postgres = NpgsqlDataSource.Create(cluster.NewDatabase());
        await SchemaMigrator.ApplyAsync(postgres);
        var onLiteDb = new LiteDbFaqCollection(lite, UnderstandingServiceCollectionExtensions.FaqCollectionName, _embeddings);
        var onPostgreSql = new PostgreSqlFaqCollection(postgres, _embeddings);
        await FaqIndexer.SyncAsync(onLiteDb, Faq, _embeddings);
        await FaqIndexer.SyncAsync(onPostgreSql, Faq, _embeddings);
        var vector = _embeddings.Embed(question);

        var fromLiteDb = new FaqRetriever(onLiteDb, Faq).Find(question, vector);
        var fromPostgreSql = new FaqRetriever(new PostgreSqlFaqCollection(postgres), Faq).Find(question, vector);

        Assert.NotEmpty(fromLiteDb);
        Assert.Equal(fromLiteDb.Select(c => (c.FaqId, c.Score, c.Exact)), fromPostgreSql.Select(c => (c.FaqId, c.Score, c.Exact)));
        Assert.Equal(onLiteDb.Rank(vector, question.Split(' '), 20).Select(r => (r.Record.Key, r.Score)),
            onPostgreSql.Rank(vector, question.Split(' '), 20).Select(r => (r.Record.Key, r.Score)));
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);

    /// <summary>One embedding model for the class: loading it takes a second.</summary>
    public sealed class Model : IDisposable
    {
        public MiniLmEmbeddingGenerator Embeddings { get; } = new();

        public void Dispose() => Embeddings.Dispose();
    }
}
