using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SmbBot.Core;
using SmbBot.Core.Conversations;

namespace SmbBot.Bot;

/// <summary>Registers the Bot Framework adapter and the bot.</summary>
public static class BotServiceCollectionExtensions
{
    /// <summary>Adds the adapter, the bot and its validated options.</summary>
    public static IServiceCollection AddSmbBotChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<BotOptions>(configuration, BotOptions.SectionName);
        services.AddSingleton<SmbBotAuthentication>();
        services.AddHttpClient();
        // The adapter sends replies over HTTP to each activity's serviceUrl (Emulator, or this host's Direct Line connector).
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ReusingBotFrameworkAuthentication(
            new ConfigurationBotFrameworkAuthentication(configuration, httpClientFactory: sp.GetRequiredService<IHttpClientFactory>())));
        services.AddSingleton<SmbBotAdapter>();
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<SmbBotAdapter>());
        services.AddSingleton<ReplyComposer>();
        services.AddSingleton<IConversationLocks, ConversationLocks>();
        services.AddSingleton<StaffChat>();
        services.TryAddSingleton<SmbBot.Core.CustomerMail.ICustomerMail>(SmbBot.Core.CustomerMail.NoCustomerMail.Instance);
        services.AddSingleton<IBot, CustomerServiceBot>();
        return services;
    }
}
