using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.Routing;

namespace SmbBot.Understanding;

/// <summary>A golden question a version does not honour, and what that version would do instead.</summary>
public sealed record GoldenFailure(GoldenQuestion Question, string Got)
{
    /// <inheritdoc/>
    public override string ToString() => $"'{Question.Question}' must {(Question.Expected == GoldenQuestions.Person ? "go to a person" : $"answer {Question.Expected}")} but {Got}";
}

/// <summary>Runs the golden questions on a version of the knowledge.</summary>
public static class GoldenCheck
{
    /// <summary>The golden questions <paramref name="version"/> breaks (none when it honours them all).</summary>
    public static IReadOnlyList<GoldenFailure> Run(LoadedKnowledge version, IReadOnlyList<GoldenQuestion> golden, EmbeddingCache embeddings) => golden
        .Select(g => (g, Decision: version.Understand(g.Question, embeddings)))
        .Where(x => !Honours(x.g, x.Decision))
        .Select(x => new GoldenFailure(x.g, Describe(x.Decision)))
        .ToArray();

    /// <summary>Whether <paramref name="decision"/> is what <paramref name="golden"/> asks for.</summary>
    public static bool Honours(GoldenQuestion golden, TurnDecision decision) => golden.Expected == GoldenQuestions.Person
        ? decision.Route == Route.Escalate
        : decision.Route == Route.Faq && decision.Answer?.FaqId == golden.Expected;

    /// <summary>What the bot does, in a few words: "answers store-hours", "asks 'did you mean' a, b".</summary>
    public static string Describe(TurnDecision decision) => decision.Route switch
    {
        Route.Faq => $"answers {decision.Answer?.FaqId}",
        Route.Clarify => $"asks 'did you mean' {string.Join(", ", decision.Suggestions.Select(s => s.FaqId))}",
        Route.Escalate => "hands over to a person",
        Route.SmallTalk => "answers as small talk",
        _ => "says it cannot answer and offers a person",
    };
}
