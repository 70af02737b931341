using SmbBot.Core.CustomerMail;

namespace SmbBot.Host.CustomerMail;

/// <summary>The e-mail leg of a ticket: staff replies by e-mail, customers' answers from the support mailbox.</summary>
public static class CustomerMailServiceCollectionExtensions
{
    /// <summary>Needs <c>AddStaffAlerts</c> (mail settings and the outbox) and the Direct Line channel (presence).</summary>
    public static IServiceCollection AddCustomerMail(this IServiceCollection services)
    {
        services.AddSingleton<CustomerMailQueue>();
        services.AddSingleton<ICustomerMail>(sp => sp.GetRequiredService<CustomerMailQueue>());
        services.AddSingleton<IMailInboxStore, LiteDbMailInboxStore>();
        services.AddSingleton<CustomerMailIntake>();
        services.AddSingleton<MailboxStatus>();
        services.AddHostedService<CustomerMailbox>();
        return services;
    }
}
