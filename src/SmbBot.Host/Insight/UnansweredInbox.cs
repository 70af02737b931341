using SmbBot.Core.Faq;
using SmbBot.Core.Insight;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;
using SmbBot.Understanding;

namespace SmbBot.Host.Insight;

/// <summary>A group of unanswered messages that mean the same.</summary>
public sealed record InboxGroup(int Count, double Share, IReadOnlyList<string> Examples, IReadOnlyList<FaqCandidate> Closest,
    IReadOnlyList<int> Ids, float[] Centroid);

/// <summary>A change the owner made, and how the group's share of unanswered messages moved since.</summary>
public sealed record InboxChangeView(InboxChange Change, double? ShareAfter);

/// <summary>
/// The unanswered inbox: open messages of the last 30 days grouped by meaning, biggest first, with the closest FAQ
/// entries; and the owner's actions on a group.
/// </summary>
public sealed class UnansweredInbox(IUnansweredStore messages, IInboxChangeStore changes, EmbeddingCache embeddings, BotRuntime runtime,
    IFaqDraftWriter faq, TimeProvider clock)
{
    public const int WindowDays = 30;
    public const int MaxExamples = 5;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The open messages' groups, largest first (at most <paramref name="take"/>), and the total open.</summary>
    public (IReadOnlyList<InboxGroup> Groups, int Open) Groups(int take = 30)
    {
        var open = Embedded(messages.Since(Now.AddDays(-WindowDays))).Where(m => m.Status == UnansweredStatus.Open).ToArray();
        var grouped = MessageClustering.Group([.. open.Select(m => m.Vector!)]);
        var groups = grouped.Take(take).Select(g =>
        {
            var members = g.Members.Select(i => open[i]).ToArray();
            var examples = members.Select(m => m.Text).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxExamples).ToArray();
            var closest = runtime.IsReady ? runtime.Understand(examples[0]).Candidates.Take(3).ToArray() : [];
            return new InboxGroup(members.Length, (double)members.Length / open.Length, examples, closest, [.. members.Select(m => m.Id)], g.Centroid);
        }).ToArray();
        return (groups, open.Length);
    }

    /// <summary>The latest changes with their share before and after.</summary>
    public IReadOnlyList<InboxChangeView> Changes()
    {
        var latest = changes.Latest(20);
        if (latest.Count == 0) return [];
        var since = Embedded(messages.Since(latest.Min(c => c.At)));
        return [.. latest.Select(c => new InboxChangeView(c, c.ShareAfter(since)))];
    }

    /// <summary>Sets the group of <paramref name="ids"/> aside; the messages are kept. Returns what to tell the owner.</summary>
    public string Dismiss(IReadOnlyList<int> ids, string actor) =>
        Act(ids, actor, "dismissed", null, UnansweredStatus.Dismissed, _ => "Dismissed; the messages are kept.");

    /// <summary>Adds the group's messages as alternates of <paramref name="faqId"/>.</summary>
    public string AddAlternates(IReadOnlyList<int> ids, string faqId, string actor) =>
        Act(ids, actor, "alternates", faqId, UnansweredStatus.AddedToFaq, group =>
            $"Added to '{faqId}' in {faq.AddAlternates(faqId, group.Select(m => m.Text).ToArray())}. {Retrain}");

    /// <summary>Makes a new entry from the group: <paramref name="question"/> and <paramref name="answer"/>, the messages as alternates.</summary>
    public string NewEntry(IReadOnlyList<int> ids, string question, string answer, string category, string actor)
    {
        var id = FaqRules.IdFor(question ?? "");
        return Act(ids, actor, "new entry", id, UnansweredStatus.AddedToFaq, group =>
            $"New entry '{id}' written to {faq.AddEntry(new FaqEntry(id, question ?? "", answer ?? "", [.. group.Select(m => m.Text)], category ?? "", ""))}. {Retrain}");
    }

    private const string Retrain = "SmbBot sees the changed file and publishes it in the background (progress on the Knowledge page); the bot answers with it once that publish is live.";

    private string Act(IReadOnlyList<int> ids, string actor, string action, string? faqId, UnansweredStatus status, Func<IReadOnlyList<UnansweredMessage>, string> write)
    {
        var recent = Embedded(messages.Since(Now.AddDays(-WindowDays)));
        var open = recent.Where(m => m.Status == UnansweredStatus.Open).ToArray();
        var group = open.Where(m => ids.Contains(m.Id)).ToArray();
        if (group.Length == 0) throw new InboxException("those messages are no longer in the inbox (handled already?)");
        var told = write(group);   // throws KnowledgeFileException before anything is marked
        foreach (var m in group) { m.Status = status; m.FaqId = faqId; }
        messages.Update(group);
        var centroid = MessageClustering.Group([.. group.Select(m => m.Vector!)], threshold: -1)[0].Centroid;
        changes.Add(new InboxChange
        {
            At = Now, Actor = actor, Action = action, FaqId = faqId, Example = group[0].Text, Messages = group.Length,
            ShareBefore = (double)group.Length / open.Length, Centroid = centroid,
        });
        return told;
    }

    private IReadOnlyList<UnansweredMessage> Embedded(IReadOnlyList<UnansweredMessage> list)
    {
        var missing = list.Where(m => m.Vector is null).ToArray();
        foreach (var m in missing) m.Vector = embeddings.Embed(m.Text);
        if (missing.Length > 0) messages.Update(missing);
        return list;
    }
}

/// <summary>An inbox action that cannot be carried out, with the reason for the owner.</summary>
public sealed class InboxException(string message) : Exception(message);
