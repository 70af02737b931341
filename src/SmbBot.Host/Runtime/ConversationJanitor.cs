using Microsoft.Extensions.Options;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Runtime;

/// <summary>
/// Hourly, applies the retention settings: forgets conversations idle longer than
/// <c>Storage:ConversationRetentionDays</c> with no open ticket, and deletes tickets resolved or closed longer than
/// <c>Storage:ClosedTicketRetentionDays</c> ago (when set).
/// </summary>
public sealed class ConversationJanitor(IConversationStore conversations, ITicketStore tickets, IOptions<StorageOptions> options, TimeProvider clock)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            var now = clock.GetUtcNow().UtcDateTime;
            conversations.DeleteIdle(now.AddDays(-options.Value.ConversationRetentionDays));
            if (options.Value.ClosedTicketRetentionDays > 0) tickets.DeleteClosedBefore(now.AddDays(-options.Value.ClosedTicketRetentionDays));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
