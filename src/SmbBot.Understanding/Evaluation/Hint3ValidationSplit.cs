namespace SmbBot.Understanding.Evaluation;

/// <summary>
/// The HINT3 validation split, for choosing designs without reading the test sets: every fifth training sentence of
/// each intent (of intents with at least three) is held aside as an in-scope message, and CLINC150's out-of-scope
/// sentences (its <c>oos_train</c> and <c>oos_val</c> parts, never <c>oos_test</c>) are the messages that match no
/// intent, as many as make the same share of out-of-scope messages as the bot's test set has.
/// </summary>
/// <remarks>
/// The other bots' training sentences are not used: many of them are requests every shop bot has ("Cancel my order",
/// "Live agent"), so they punished any design that answers more. CLINC150's are general assistant questions; the few
/// that a customer-service bot could own are left out (<see cref="PossiblyInScope"/>). Real out-of-scope traffic is
/// closer to the bot's domain than these are, so the split judges answering more against unrelated questions, not
/// against near misses.
/// </remarks>
public static class Hint3ValidationSplit
{
    /// <summary>
    /// Out-of-scope share of each bot's test set, from the dataset README / the paper's Table 1 (out of scope, all):
    /// the test files are not read for it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (int OutOfScope, int All)> TestShare = new Dictionary<string, (int, int)>
    {
        ["sofmattress"] = (166, 397),
        ["curekart"] = (539, 991),
        ["powerplay11"] = (708, 983),
    };

    /// <summary>
    /// CLINC150 out-of-scope sentences that one of the three bots has an intent for, decided by hand against the
    /// intent names and training sentences; they are never used as out-of-scope messages.
    /// </summary>
    public static readonly IReadOnlySet<string> PossiblyInScope = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "how do i change my billing address", // curekart MODIFY_ADDRESS
        "i need to speak to customer service regarding my flight", // CHAT_WITH_AGENT, CHAT_WITH_AN_AGENT
        "what are some deals on amazon", // sofmattress OFFERS, powerplay11 OFFERS_AND_REFERRALS
        "is flu contagious", // curekart IMMUNITY
        "please get me my wheelchair", // curekart ORDER_TAKING (a health-products shop)
    };

    /// <summary>Splits <paramref name="training"/> (one bot's sentences) and adds out-of-scope messages from <paramref name="outOfScopePool"/>.</summary>
    public static (List<(string Text, string Label)> Fit, List<(string Text, string Label)> Scored) Build(
        IReadOnlyList<(string Text, string Label)> training, (int OutOfScope, int All) testShare, IReadOnlyList<string> outOfScopePool)
    {
        var fit = new List<(string, string)>();
        var scored = new List<(string, string)>();
        foreach (var intent in training.GroupBy(r => r.Label))
        {
            var rows = intent.ToArray();
            for (var i = 0; i < rows.Length; i++)
                (rows.Length >= 3 && i % 5 == 4 ? scored : fit).Add(rows[i]);
        }
        var pool = outOfScopePool.Where(s => !PossiblyInScope.Contains(s.Trim())).ToArray();
        var wanted = OutOfScopeCount(scored.Count, testShare);
        if (wanted > pool.Length)
            throw new BenchmarkDataException($"the validation split needs {wanted} out-of-scope sentences for {scored.Count} in-scope ones, but CLINC150's oos_train and oos_val have {pool.Length} usable");
        scored.AddRange(Spread(pool, wanted).Select(s => (s, Hint3Evaluation.NoIntent)));
        return (fit, scored);
    }

    /// <summary>How many out-of-scope messages make their share of all scored messages the test set's share.</summary>
    public static int OutOfScopeCount(int inScope, (int OutOfScope, int All) testShare) =>
        (int)Math.Round(inScope * (double)testShare.OutOfScope / (testShare.All - testShare.OutOfScope), MidpointRounding.AwayFromZero);

    /// <summary><paramref name="count"/> items spread evenly over <paramref name="items"/>, in order (no random draw).</summary>
    private static IEnumerable<string> Spread(string[] items, int count) =>
        Enumerable.Range(0, count).Select(i => items[(int)((long)i * items.Length / count)]);
}
