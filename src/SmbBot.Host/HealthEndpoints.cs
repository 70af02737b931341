using LiteDB;
using Microsoft.AspNetCore.Http.HttpResults;
using SmbBot.Core.Outbox;
using SmbBot.Core.Routing;
using SmbBot.Host.Backups;

namespace SmbBot.Host;

/// <summary>Liveness and readiness for a process supervisor or load balancer.</summary>
public static class HealthEndpoints
{
    /// <summary>Maps <c>/health/live</c> and <c>/health/ready</c>.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async Task<Results<Ok<ReadyReport>, JsonHttpResult<ReadyReport>>> (ITurnUnderstanding understanding, Runtime.IStoreCheck store, SmbBot.Understanding.BotRuntime runtime, BackupStatus backups, IOutboxStore outbox, CustomerMail.MailboxStatus mailbox, CancellationToken cancellationToken) =>
        {
            var storeReport = await store.CheckAsync(cancellationToken);
            var report = new ReadyReport(storeReport.Open && understanding.IsReady, storeReport.Open, understanding.IsReady,
                runtime.Knowledge?.Faq.Count ?? 0, runtime.Knowledge?.Customers.Count ?? 0, runtime.Thresholds,
                runtime.Knowledge?.Problems.Select(p => p.ToString()).ToArray() ?? [], backups.Report, Outbox(outbox),
                Mailbox(mailbox), storeReport);
            return report.Ready ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }

    /// <summary>The outbox's state; a store that cannot be read shows as unknown, and chat stays ready either way.</summary>
    private static OutboxHealth? Outbox(IOutboxStore outbox)
    {
        try { return outbox.Health(); }
        catch (Exception e) when (e is LiteException or IOException or Npgsql.NpgsqlException) { return null; }
    }

    /// <summary>The support mailbox's state; like the outbox, never part of being ready.</summary>
    private static CustomerMail.MailboxReport? Mailbox(CustomerMail.MailboxStatus mailbox)
    {
        try { return mailbox.Report(); }
        catch (Exception e) when (e is LiteException or IOException or Npgsql.NpgsqlException) { return null; }
    }

    /// <summary>What the readiness check found.</summary>
    /// <param name="Thresholds">The routing thresholds in use and where each comes from (calibrated, set, fallback).</param>
    /// <param name="LeftOut">What the knowledge files hold that the bot could not use, with file, line and reason.</param>
    /// <param name="Backup">The last backup and the last failed one; a failing backup does not make the bot unready.</param>
    /// <param name="Outbox">Alerts and e-mails to customers waiting, failing or given up, and the latest error: not part of <paramref name="Ready"/>.</param>
    /// <param name="Mailbox">The support mailbox: whether it is read, its last problem, and the e-mails read by outcome
    /// (auto-replies, bounces and our own messages refused among them): not part of <paramref name="Ready"/>.</param>
    /// <param name="Store">The store: its engine and, on PostgreSQL, whether the database answers and its schema version.</param>
    public sealed record ReadyReport(bool Ready, bool StoreOpen, bool ModelLoaded, int FaqEntries, int Customers,
        IReadOnlyList<ThresholdInUse> Thresholds, IReadOnlyList<string> LeftOut, BackupReport Backup, OutboxHealth? Outbox,
        CustomerMail.MailboxReport? Mailbox, Runtime.StoreReport Store);
}
