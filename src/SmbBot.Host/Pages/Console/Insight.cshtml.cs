using Microsoft.AspNetCore.Mvc.RazorPages;
using SmbBot.Core.Insight;
using SmbBot.Host.Insight;

namespace SmbBot.Host.Pages.Console;

/// <summary>The insight dashboard: the headline figures with their definitions, rendered here; the charts draw from <c>/api/insight</c>.</summary>
public sealed class InsightModel(InsightDashboard dashboard) : PageModel
{
    public InsightView? View { get; private set; }
    public string? Problem { get; private set; }
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";

    public void OnGet(string? from, string? to)
    {
        var (range, problem) = InsightRange.Parse(from, to, dashboard.Today);
        Problem = problem;
        range ??= InsightRange.Parse(null, null, dashboard.Today).Range!;
        From = range.From.ToString("yyyy-MM-dd");
        To = range.To.ToString("yyyy-MM-dd");
        View = dashboard.View(range);
    }

    /// <summary>A figure's value as read at a glance.</summary>
    public static string Shown(Figure f) => f.Value switch
    {
        null => "—",
        { } v when f.Unit == "share" => $"{v:P0}",
        { } v when f.Unit == "minutes" => v < 120 ? $"{v:0} min" : $"{v / 60:0.#} h",
        { } v => $"{v:#,0}",
    };
}
