using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using SmbBot.Core.Insight;
using SmbBot.Host.StaffConsole;

namespace SmbBot.Host.Insight;

/// <summary>The dashboard's data for its charts, and its CSV exports; for signed-in staff (agents and admins).</summary>
public static class InsightEndpoints
{
    public static IEndpointRouteBuilder MapInsight(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/insight").RequireAuthorization(StaffConsoleServiceCollectionExtensions.StaffPolicy);
        group.MapGet("/", Data);
        group.MapGet("/figures.csv", FiguresCsv);
        group.MapGet("/conversations.csv", ConversationsCsv);
        return app;
    }

    private static Results<Ok<InsightView>, ProblemHttpResult> Data(InsightDashboard dashboard, string? from = null, string? to = null)
    {
        var (range, problem) = InsightRange.Parse(from, to, dashboard.Today);
        return range is null ? TypedResults.Problem(problem, statusCode: 400) : TypedResults.Ok(dashboard.View(range));
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> FiguresCsv(InsightDashboard dashboard, string? from = null, string? to = null)
    {
        var (range, problem) = InsightRange.Parse(from, to, dashboard.Today);
        if (range is null) return TypedResults.Problem(problem, statusCode: 400);
        return Csv(InsightCsv.Figures(dashboard.View(range).Figures), $"insight-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> ConversationsCsv(InsightDashboard dashboard, string? from = null, string? to = null, bool text = false)
    {
        var (range, problem) = InsightRange.Parse(from, to, dashboard.Today);
        if (range is null) return TypedResults.Problem(problem, statusCode: 400);
        return Csv(dashboard.ConversationsCsv(range, text), $"conversations-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
    }

    private static FileContentHttpResult Csv(string csv, string name) =>
        TypedResults.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);
}
