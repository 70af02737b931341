using SmbBot.Understanding.Evaluation;

namespace SmbBot.UnitTests.Evaluation;

public class Hint3ValidationSplitTests
{
    private const string None = Hint3Evaluation.NoIntent;

    private static readonly List<(string Text, string Label)> Training =
        [.. Enumerable.Range(1, 10).Select(i => ($"emi {i}", "EMI")), ("only one", "RARE"), ("only two", "RARE")];

    private static readonly string[] Pool = ["oos a", "oos b", "oos c", "oos d", "oos e", "oos f"];

    [Fact]
    public void Every_fifth_sentence_of_an_intent_is_held_aside_and_intents_with_fewer_than_three_stay_whole()
    {
        var (fit, scored) = Hint3ValidationSplit.Build(Training, (1, 2), Pool);

        Assert.Equal(["emi 5", "emi 10"], scored.Where(s => s.Label != None).Select(s => s.Text));
        Assert.Equal(10, fit.Count);
        Assert.Contains(("only two", "RARE"), fit);
        Assert.DoesNotContain(fit, f => f.Text.StartsWith("oos"));
    }

    [Fact]
    public void Out_of_scope_messages_make_the_test_sets_share_spread_over_the_pool()
    {
        // Two in-scope messages and a test set that is 3/5 out of scope: three out-of-scope messages (60%).
        var (_, scored) = Hint3ValidationSplit.Build(Training, (3, 5), Pool);

        Assert.Equal([("oos a", None), ("oos c", None), ("oos e", None)], scored.Where(s => s.Text.StartsWith("oos")));
        Assert.Equal(5, scored.Count);
    }

    [Fact]
    public void Out_of_scope_sentences_a_shop_bot_could_own_are_never_used()
    {
        string[] pool = ["i need to speak to customer service regarding my flight", "what are black holes", "how do i change my billing address", "why do we dream"];

        var (_, scored) = Hint3ValidationSplit.Build(Training, (1, 2), pool);

        Assert.Equal(["what are black holes", "why do we dream"], scored.Where(s => s.Label == None).Select(s => s.Text));
    }

    [Fact]
    public void A_pool_too_small_for_the_share_is_refused_with_the_counts()
    {
        var error = Assert.Throws<BenchmarkDataException>(() => Hint3ValidationSplit.Build(Training, (9, 10), Pool));

        Assert.Contains("needs 18 out-of-scope sentences for 2 in-scope ones", error.Message);
    }

    [Theory]
    [InlineData(60, 166, 397, 43)]
    [InlineData(71, 708, 983, 183)]
    [InlineData(0, 1, 2, 0)]
    public void The_out_of_scope_count_keeps_the_test_sets_share(int inScope, int outOfScope, int all, int expected) =>
        Assert.Equal(expected, Hint3ValidationSplit.OutOfScopeCount(inScope, (outOfScope, all)));
}
