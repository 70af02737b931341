using SmbBot.Understanding;
using SmbBot.UnitTests.Retrieval;

namespace SmbBot.UnitTests.Understanding;

/// <summary>The bot's understanding before the start-up has loaded it, and the embedding cache it reads through.</summary>
public class BotRuntimeTests(EmbeddingFixture fixture) : IClassFixture<EmbeddingFixture>
{
    [Fact]
    public void Is_not_ready_and_refuses_a_turn_until_the_start_up_activates_it()
    {
        var runtime = new BotRuntime(new EmbeddingCache(fixture.Embeddings));

        Assert.False(runtime.IsReady);
        Assert.Empty(runtime.Thresholds);
        Assert.Equal("the bot is still starting", Assert.Throws<InvalidOperationException>(() => runtime.Understand("hello")).Message);
    }

    [Fact]
    public void The_cache_gives_a_text_in_another_case_the_same_vector_without_embedding_it_again()
    {
        var cache = new EmbeddingCache(fixture.Embeddings);

        var first = cache.Embed("Opening hours");

        Assert.Same(first, cache.Embed("OPENING HOURS"));
        Assert.Equal(fixture.Embeddings.Embed("opening hours"), first);
    }
}
