using SmbBot.Bot;
using SmbBot.Core.Business;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Business;

/// <summary>The business settings (name, greeting, look, hand-over contact, hours) the console edits while running.</summary>
public static class BusinessSettingsServiceCollectionExtensions
{
    /// <summary>Adds the settings, read from <c>appsettings.json</c> and <c>knowledge/business.json</c> and checked at start.</summary>
    public static IServiceCollection AddBusinessSettings(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var escalation = sp.GetRequiredService<EscalationOptions>();
            return new BusinessSettings(sp.GetRequiredService<BotOptions>().Profile(escalation), sp.GetRequiredService<SmbBotPaths>().Knowledge, escalation);
        });
        services.AddHostedService<BusinessSettingsCheck>();
        return services;
    }

    /// <summary>Reads the settings when the host starts, so a bad <c>business.json</c> stops it with the problem named.</summary>
    private sealed class BusinessSettingsCheck(IServiceProvider services) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<BusinessSettings>();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
