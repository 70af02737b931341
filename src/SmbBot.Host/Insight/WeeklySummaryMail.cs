using SmbBot.Core.Alerts;
using SmbBot.Core.Business;
using SmbBot.Core.Insight;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Core.Staff;
using SmbBot.Host.StaffConsole;

using SmbBot.Host.Runtime;

namespace SmbBot.Host.Insight;

/// <summary>
/// Hourly: on Monday from 08:00 business time, queues last week's summary for each admin in the outbox, when mail is
/// configured. The outbox keeps one message per week and address, so the hourly checks send it once.
/// </summary>
public sealed class WeeklySummaryMail(InsightDashboard dashboard, UnansweredInbox inbox, StaffStore staff, IOutboxStore outbox,
    MailOptions mail, AlertOptions alerts, BusinessSettings business, TimeProvider clock, ILogger<WeeklySummaryMail> log) : BackgroundService
{
    public const int SendHour = 8;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try { QueueIfDue(); }
            catch (Exception e) when (StoreFailure.Is(e) || e is IOException)
            {
                log.LogWarning("The weekly insight summary could not be queued: {Error}", StoreFailure.Describe(e));
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Queues last week's summary if it is Monday after <see cref="SendHour"/>; returns how many were new.</summary>
    public int QueueIfDue()
    {
        if (!mail.IsConfigured) return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        var local = business.Calendar.Local(now);
        var today = DateOnly.FromDateTime(local);
        if (today.DayOfWeek != DayOfWeek.Monday || local.Hour < SendHour) return 0;
        var week = new InsightRange(today.AddDays(-7), today.AddDays(-1));
        var before = new InsightRange(today.AddDays(-14), today.AddDays(-8));
        var biggest = inbox.Groups(3).Groups.Select(g => (g.Examples[0], g.Count)).ToArray();
        var (subject, body) = WeeklySummary.Compose(business.Current.BusinessName, dashboard.View(week).Figures, dashboard.View(before).Figures, biggest, (alerts.ConsoleUrl ?? "").TrimEnd('/'));
        var admins = staff.All().Where(a => a.Role == StaffRoles.Admin && !a.Disabled && a.Email.Length > 0);
        return outbox.Enqueue(admins.Select(a => new OutboxMessage
        {
            Id = $"insight/weekly/{week.From:yyyy-MM-dd}/email/{a.Email}", Channel = OutboxChannel.Email, Kind = "insight:weekly",
            To = a.Email, Subject = subject, Body = body, CreatedAt = now, NextAttemptAt = now,
        }));
    }
}
