using SmbBot.Core.Insight;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Host.Configuration;
using SmbBot.Core.Privacy;
using SmbBot.Core.Tickets;

using SmbBot.Host.Runtime;

namespace SmbBot.Host.Insight;

/// <summary>The insight figures: aggregates kept as turns and tickets change, the dashboard and the unanswered inbox.</summary>
public static class InsightServiceCollectionExtensions
{
    public static IServiceCollection AddInsight(this IServiceCollection services)
    {
        services.AddSingleton<IInsightStore, LiteDbInsightStore>();
        services.AddSingleton<IUnansweredStore, LiteDbUnansweredStore>();
        // The calendar of the business settings now: a changed time zone applies to the next count.
        services.AddSingleton(sp => new InsightRecorder(sp.GetRequiredService<IInsightStore>(), sp.GetRequiredService<IUnansweredStore>(),
            () => sp.GetRequiredService<SmbBot.Core.Business.BusinessSettings>().Calendar));
        services.AddSingleton<InsightDashboard>();
        services.AddSingleton<IInboxChangeStore, LiteDbInboxChangeStore>();
        services.AddSingleton<IFaqDraftWriter>(sp => new KnowledgeFolderFaqWriter(sp.GetRequiredService<SmbBotPaths>().Knowledge));
        services.AddSingleton<UnansweredInbox>();
        services.AddSingleton<IPersonalDataHolder, InsightPersonalData>();
        services.AddHostedService<InsightTicketWatch>();
        services.AddSingleton<WeeklySummaryMail>();
        services.AddHostedService(sp => sp.GetRequiredService<WeeklySummaryMail>());
        return services;
    }
}

/// <summary>
/// Passes every ticket change (opened, first reply, rating) to the insight aggregates. A failure there is logged and
/// does not fail the staff member's action, which is already stored.
/// </summary>
public sealed partial class InsightTicketWatch(ITicketStore tickets, InsightRecorder insight, ILogger<InsightTicketWatch> log) : IHostedService
{
    private void OnChanged(Ticket ticket)
    {
        try { insight.TicketChanged(ticket); }
        catch (Exception e) when (StoreFailure.Is(e)) { NotCounted(ticket.Number, StoreFailure.Describe(e)); }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        tickets.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        tickets.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {Number} changed but the insight counters could not be updated: {Error}")]
    private partial void NotCounted(string number, string error);
}
