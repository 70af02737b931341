using SmbBot.Bot.Hosting;
using SmbBot.Core.Alerts;
using SmbBot.Core.Storage;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;

namespace SmbBot.Host.Alerts;

/// <summary>
/// Every <c>Alerts:CheckSeconds</c>, alerts again the open tickets nobody took once a share of their reply time has
/// passed, and tells the admins at the later share. Each is queued once per ticket, across restarts too. A ticket given
/// to someone automatically who has not taken it by the first share goes to the next member of its team on duty.
/// </summary>
public sealed class UnclaimedWatch(ITicketStore tickets, TicketDesk desk, ITicketAlerts alerts, AlertOptions options, TimeProvider clock,
    IJobClaims claims, ILogger<UnclaimedWatch> log) : BackgroundService
{
    private static readonly TicketStatus[] Open = [TicketStatus.New, TicketStatus.Open, TicketStatus.Pending];

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(nameof(UnclaimedWatch), TimeSpan.FromSeconds(options.CheckSeconds), clock, Check, log, stoppingToken, claims);

    /// <summary>One pass over the open tickets nobody took.</summary>
    internal void Check()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        for (int skip = 0; ; skip += 200)
        {
            var (page, _) = tickets.Queue(new TicketQuery(Open, AssignedToId: "", Skip: skip, Take: 200));
            foreach (var ticket in page)
            {
                foreach (var kind in UnclaimedPolicy.Due(ticket, now, options))
                    alerts.Raise(ticket, kind, "once");
            }
            if (page.Count < 200) break;
        }
        foreach (var waiting in tickets.AwaitingAcceptance())
        {
            if (ReassignPolicy.Due(waiting, now, options)) desk.Reassign(waiting.Id);
            foreach (var kind in UnclaimedPolicy.Due(waiting, now, options))
                alerts.Raise(waiting, kind, "once");
        }
    }
}
