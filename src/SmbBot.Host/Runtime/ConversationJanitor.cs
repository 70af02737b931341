using Microsoft.Extensions.Options;
using SmbBot.Bot.Hosting;
using SmbBot.Core.Conversations;
using SmbBot.Core.Outbox;
using SmbBot.Core.Storage;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Hourly, applies the retention settings: forgets conversations idle longer than
/// <c>Storage:ConversationRetentionDays</c> with no open ticket, and deletes tickets resolved or closed longer than
/// <c>Storage:ClosedTicketRetentionDays</c> ago (when set) with the e-mails about them. Finished e-mails about no ticket
/// (the weekly summary) go after the conversation retention, and never sooner than <see cref="MinimumMailDays"/>.
/// </summary>
public sealed class ConversationJanitor(IConversationStore conversations, ITicketStore tickets, IOutboxStore outbox, IOptions<StorageOptions> options,
    TimeProvider clock, IJobClaims claims, ILogger<ConversationJanitor> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(nameof(ConversationJanitor), TimeSpan.FromHours(1), clock, Pass, log, stoppingToken, claims);

    /// <summary>Days a finished e-mail about no ticket is kept at least: longer than a week, so the weekly summary's record outlives its Monday.</summary>
    public const int MinimumMailDays = 8;

    /// <summary>One pass (public for tests).</summary>
    public void Pass()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        conversations.DeleteIdle(now.AddDays(-options.Value.ConversationRetentionDays));
        if (options.Value.ClosedTicketRetentionDays > 0)
        {
            var deleted = tickets.DeleteClosedBefore(now.AddDays(-options.Value.ClosedTicketRetentionDays));
            if (deleted.Count > 0) outbox.DeleteOfTickets(deleted);
        }
        outbox.DeleteFinishedWithoutTicketBefore(now.AddDays(-Math.Max(options.Value.ConversationRetentionDays, MinimumMailDays)));
    }
}
