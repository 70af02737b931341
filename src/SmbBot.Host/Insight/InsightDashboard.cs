using SmbBot.Core;
using SmbBot.Core.Conversations;
using SmbBot.Core.Insight;
using SmbBot.Understanding;

namespace SmbBot.Host.Insight;

/// <summary>What the dashboard shows for a range: the figures, trends by day and week, and the top FAQ entries named.</summary>
public sealed record InsightView(InsightRange Range, InsightFigures Figures, IReadOnlyList<TrendPoint> Daily, IReadOnlyList<TrendPoint> Weekly,
    IReadOnlyList<TopFaqEntry> TopFaq);

/// <summary>An FAQ entry and how often the bot answered with it.</summary>
public sealed record TopFaqEntry(string FaqId, string Question, long Count);

/// <summary>Reads the insight aggregates for the dashboard, its API and its CSV exports.</summary>
public sealed class InsightDashboard(IInsightStore store, InsightRecorder recorder, IConversationStore conversations, BotRuntime runtime, TimeProvider clock)
{
    /// <summary>The business's local date now.</summary>
    public DateOnly Today => recorder.LocalDay(clock.GetUtcNow().UtcDateTime);

    /// <summary>The view of <paramref name="range"/>: a read of one row per week (and the days of partial weeks).</summary>
    public InsightView View(InsightRange range)
    {
        var days = store.RolledUp(range.From, range.To);
        var today = Today;
        var figures = InsightFigures.Read(days, range.From, range.To, today);
        var daily = InsightTrend.Daily(days, range, today);
        var questions = runtime.Knowledge?.Faq.ToDictionary(f => f.Id, f => f.Question) ?? [];
        var top = figures.TopFaq.Select(f => new TopFaqEntry(f.FaqId, questions.GetValueOrDefault(f.FaqId, f.FaqId), f.Count)).ToArray();
        return new InsightView(range, figures, daily, InsightTrend.Weekly(daily), top);
    }

    /// <summary>The conversation list of the range as CSV; with <paramref name="withText"/>, the kept transcript, masked.</summary>
    public string ConversationsCsv(InsightRange range, bool withText) => InsightCsv.Conversations(
        store.Conversations(range.From, range.To).OrderBy(r => r.StartedAt),
        withText ? Transcript : null);

    private string? Transcript(string conversationId)
    {
        var record = conversations.Load(conversationId);
        return record.Transcript.Count == 0 ? null
            : string.Join(" | ", record.Transcript.Select(e => $"{e.From.ToString().ToLowerInvariant()}: {TextMask.Mask(e.Text)}"));
    }
}
