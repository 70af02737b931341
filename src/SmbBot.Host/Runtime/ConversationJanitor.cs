using Microsoft.Extensions.Options;
using SmbBot.Core.Conversations;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Runtime;

/// <summary>Hourly, forgets conversations idle longer than <c>Storage:ConversationRetentionDays</c> with no open ticket.</summary>
public sealed class ConversationJanitor(ConversationStore conversations, IOptions<StorageOptions> options, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            conversations.DeleteIdle(clock.GetUtcNow().UtcDateTime.AddDays(-options.Value.ConversationRetentionDays));
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
