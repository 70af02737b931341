using SmbBot.Core;
using SmbBot.Core.Alerts;
using SmbBot.Core.Mail;
using SmbBot.Core.Outbox;
using SmbBot.Host.Mail;

namespace SmbBot.Host.Alerts;

/// <summary>Mail settings, the outbox and staff alerts by e-mail and webhook.</summary>
public static class AlertsServiceCollectionExtensions
{
    public static IServiceCollection AddStaffAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<MailOptions>(configuration, MailOptions.SectionName);
        services.AddSettings<AlertOptions>(configuration, AlertOptions.SectionName);
        services.AddSingleton<IOutboxStore, LiteDbOutboxStore>();
        services.AddSingleton<SmbBot.Core.Privacy.IPersonalDataHolder, OutboxPersonalData>();
        services.AddSingleton<ITicketAlerts, StaffAlertQueue>();
        services.AddSingleton<WebhookPoster>();
        // No request logging: the address of a Slack or Teams webhook is itself the secret.
        services.AddHttpClient(WebhookPoster.ClientName, c => c.Timeout = TimeSpan.FromSeconds(20)).RemoveAllLoggers();
        services.AddHostedService<SmtpStartCheck>();
        services.AddHostedService<OutboxSender>();
        services.AddHostedService<UnclaimedWatch>();
        return services;
    }
}
