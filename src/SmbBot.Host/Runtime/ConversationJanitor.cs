using Microsoft.Extensions.Options;
using SmbBot.Bot.Hosting;
using SmbBot.Core.Conversations;
using SmbBot.Core.Storage;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Hourly, applies the retention settings: forgets conversations idle longer than
/// <c>Storage:ConversationRetentionDays</c> with no open ticket, and deletes tickets resolved or closed longer than
/// <c>Storage:ClosedTicketRetentionDays</c> ago (when set).
/// </summary>
public sealed class ConversationJanitor(IConversationStore conversations, ITicketStore tickets, IOptions<StorageOptions> options, TimeProvider clock,
    IJobClaims claims, ILogger<ConversationJanitor> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        PeriodicWork.RunAsync(nameof(ConversationJanitor), TimeSpan.FromHours(1), clock, Pass, log, stoppingToken, claims);

    private void Pass()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        conversations.DeleteIdle(now.AddDays(-options.Value.ConversationRetentionDays));
        if (options.Value.ClosedTicketRetentionDays > 0) tickets.DeleteClosedBefore(now.AddDays(-options.Value.ClosedTicketRetentionDays));
    }
}
