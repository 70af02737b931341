using LiteDB;
using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.Understanding;

/// <summary>
/// What the bot would make of a knowledge folder, found without touching a running bot's data: the FAQ is embedded
/// into an in-memory store and the classifier trained into a temporary folder by <see cref="Retraining"/> itself, so
/// the findings are those of the real start-up.
/// </summary>
public static class KnowledgeCheck
{
    /// <summary>
    /// Phrasings of two entries at least this similar (cosine of their MiniLM vectors) ask the same thing. MiniLM puts one
    /// question reworded at 0.77-0.88 ("Can I return an item?" / "How do I return an item?" 0.88, "What are your
    /// opening hours?" / "Opening hours" 0.85, "Do you deliver?" / "Do you offer delivery?" 0.84, "How long does
    /// delivery take?" / "How long does shipping take?" 0.77) and different questions on one topic up to 0.81 (the
    /// sample shop's "Do you offer discounts for schools and groups?" / "Do you offer a student discount?" 0.77, a
    /// plumber's "What is HomeCare cover?" / "What isn't covered by HomeCare?" 0.81, "Can I return an item?" / "Can I
    /// exchange an item?" 0.74). No level parts the two; 0.85 names the closest rewordings and none of the distinct
    /// questions of the sample shop or of four businesses' own FAQ exports, whose closest pairs are those above.
    /// </summary>
    public const double ConflictSimilarity = 0.85;

    /// <summary>Embeds, cross-validates and calibrates on <paramref name="knowledge"/> and reports what to look at.</summary>
    public static async Task<KnowledgeCheckReport> RunAsync(KnowledgeBase knowledge, RoutingOptions routing, Action<string> progress)
    {
        using var db = new LiteDatabase(new MemoryStream());
        var models = Directory.CreateTempSubdirectory("smbbot-check-");
        try
        {
            var retrained = await Retraining.RunAsync(knowledge, db, models.FullName, routing, progress);
            var index = new LiteDbFaqCollection(db, UnderstandingServiceCollectionExtensions.FaqCollectionName);
            var phrasings = new List<FaqPhrasingRecord>();
            await foreach (var r in index.GetAsync(r => r.Kind == FaqPhrasingRecord.Question, int.MaxValue, new() { IncludeVectors = true }))
                phrasings.Add(r);
            return new KnowledgeCheckReport(Conflicts(knowledge.Faq, phrasings), Confusions(retrained.Turns, retrained.Resolved), ThinEntries(knowledge.Faq),
                retrained.Thresholds);
        }
        finally
        {
            models.Delete(recursive: true);
        }
    }

    /// <summary>
    /// Pairs of entries with different answers that have phrasings at least <see cref="ConflictSimilarity"/> alike:
    /// the bot cannot tell which answer a customer wants. Each pair once, with its most similar phrasings, most similar first.
    /// </summary>
    public static IReadOnlyList<FaqConflict> Conflicts(IReadOnlyList<FaqEntry> faq, IReadOnlyList<FaqPhrasingRecord> phrasings)
    {
        var byId = faq.ToDictionary(e => e.Id);
        var best = new Dictionary<(string, string), FaqConflict>();
        for (int i = 0; i < phrasings.Count; i++)
        {
            for (int j = i + 1; j < phrasings.Count; j++)
            {
                var (a, b) = string.CompareOrdinal(phrasings[i].FaqId, phrasings[j].FaqId) < 0 ? (phrasings[i], phrasings[j]) : (phrasings[j], phrasings[i]);
                if (a.FaqId == b.FaqId || !byId.TryGetValue(a.FaqId, out var first) || !byId.TryGetValue(b.FaqId, out var second)) continue;
                if (Core.TextNormalizer.SameText(first.Answer, second.Answer)) continue;
                var similarity = System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a.Vector.Span, b.Vector.Span);
                if (similarity < ConflictSimilarity) continue;
                if (best.TryGetValue((a.FaqId, b.FaqId), out var known) && known.Similarity >= similarity) continue;
                best[(a.FaqId, b.FaqId)] = new FaqConflict(new(first.Id, a.Text, first.Source), new(second.Id, b.Text, second.Source), Math.Round(similarity, 2));
            }
        }
        return best.Values.OrderByDescending(c => c.Similarity).ThenBy(c => c.First.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Phrasings whose best match, with the phrasing itself left out of the FAQ, is another entry: a customer asking
    /// in other words is likely to get that entry. Grouped by the pair of entries; those the bot would answer outright
    /// with the other entry's answer first, then the most frequent.
    /// </summary>
    public static IReadOnlyList<FaqConfusion> Confusions(IReadOnlyList<HeldOutTurn> turns, RoutingOptions resolved) => turns
        .Where(t => t.ExpectedFaqId is not null && t.Candidates.Count > 0 && t.Candidates[0].FaqId != t.ExpectedFaqId)
        .GroupBy(t => (Entry: t.ExpectedFaqId!, TakenFor: t.Candidates[0].FaqId))
        .Select(g => new FaqConfusion(g.Key.Entry, g.Key.TakenFor, g.Select(t => t.Text).ToArray(),
            g.Count(t => TurnPolicy.Decide(t.Intent, t.Candidates, resolved) is { Route: Route.Faq, Answer: { } a } && a.FaqId == g.Key.TakenFor)))
        .OrderByDescending(c => c.AnsweredWrongly).ThenByDescending(c => c.Phrasings.Count)
        .ThenBy(c => c.Entry, StringComparer.Ordinal).ThenBy(c => c.TakenFor, StringComparer.Ordinal)
        .ToArray();

    /// <summary>Entries with their question only: nothing else teaches the bot how customers ask for them.</summary>
    public static IReadOnlyList<FaqEntry> ThinEntries(IReadOnlyList<FaqEntry> faq) => faq.Where(e => e.Alternates.Count == 0).ToArray();
}

/// <summary>What <see cref="KnowledgeCheck.RunAsync"/> found, beyond the problems of the files themselves.</summary>
/// <param name="Conflicts">Entries asking the same thing with different answers.</param>
/// <param name="Confusions">Entries whose phrasings the routing takes for another entry.</param>
/// <param name="ThinEntries">Entries with no alternates.</param>
/// <param name="Thresholds">The routing thresholds this knowledge would get.</param>
public sealed record KnowledgeCheckReport(IReadOnlyList<FaqConflict> Conflicts, IReadOnlyList<FaqConfusion> Confusions,
    IReadOnlyList<FaqEntry> ThinEntries, IReadOnlyList<ThresholdInUse> Thresholds);

/// <summary>One side of a conflict: the entry, its phrasing that is so close to the other's, and where it is written.</summary>
public sealed record FaqConflictSide(string Id, string Phrasing, string Source);

/// <summary>Two entries with different answers whose phrasings are <paramref name="Similarity"/> alike.</summary>
public sealed record FaqConflict(FaqConflictSide First, FaqConflictSide Second, double Similarity);

/// <summary>Phrasings of <paramref name="Entry"/> that the routing matches best with <paramref name="TakenFor"/>.</summary>
/// <param name="AnsweredWrongly">How many of them the bot would answer outright with <paramref name="TakenFor"/>'s answer (the rest get a "did you mean").</param>
public sealed record FaqConfusion(string Entry, string TakenFor, IReadOnlyList<string> Phrasings, int AnsweredWrongly);
