using LiteDB;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Data;
using SmbBot.Core;
using SmbBot.Core.Business;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Languages;
using SmbBot.Core.Privacy;
using SmbBot.Core.Routing;
using SmbBot.Core.Storage;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;
using SmbBot.Host.Routing;
using SmbBot.Understanding;

namespace SmbBot.Host.Runtime;

/// <summary>Registers the settings, the store, the tickets and the bot's understanding.</summary>
public static class RuntimeServiceCollectionExtensions
{
    /// <summary>Name of the LiteDB collection of FAQ phrasings.</summary>
    public const string FaqCollectionName = UnderstandingServiceCollectionExtensions.FaqCollectionName;

    /// <summary>Adds the runtime services and the start-up that loads them.</summary>
    public static IServiceCollection AddSmbBotRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<StorageOptions>(configuration, StorageOptions.SectionName);
        services.AddSettings<KnowledgeOptions>(configuration, KnowledgeOptions.SectionName);
        services.AddSettings<RoutingOptions>(configuration, RoutingOptions.SectionName);
        services.AddSettings<LanguageOptions>(configuration, LanguageOptions.SectionName);
        services.AddSettings<EscalationOptions>(configuration, EscalationOptions.SectionName);
        services.AddSettings<CrmOptions>(configuration, CrmOptions.SectionName);
        services.AddSingleton(_ => SmbBotPaths.From(configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StoreFaults(sp.GetRequiredService<SmbBotPaths>().Data, SmbBot.PostgreSql.DatabaseUnavailable.Reason));
        services.AddSingleton(sp => KnowledgeBase.Load(sp.GetRequiredService<SmbBotPaths>().Knowledge, sp.GetRequiredService<CrmOptions>().Columns));
        services.AddSingleton<ICustomerDirectory>(sp => new CsvCustomerDirectory(sp.GetRequiredService<KnowledgeBase>().Customers));
        services.AddSingleton(sp => DataFolderLock.Acquire(sp.GetRequiredService<SmbBotPaths>().Data));
        services.AddSingleton<ILiteDatabase>(sp =>
        {
            // Validated first: a store on PostgreSQL (or a wrong setting) must not leave a LiteDB file behind.
            sp.GetRequiredService<StorageOptions>();
            sp.GetRequiredService<DataFolderLock>();
            return DataStore.Open(sp.GetRequiredService<SmbBotPaths>());
        });
        services.AddSingleton<ITicketStore, LiteDbTicketStore>();
        services.AddSingleton<IConversationStore, LiteDbConversationStore>();
        services.AddSingleton<IStoreCheck, LiteDbStoreCheck>();
        // Due times count the hours in force now: the settings page changes them while running.
        services.AddSingleton(sp => new TicketRouting(sp.GetRequiredService<EscalationOptions>(), () => sp.GetRequiredService<BusinessSettings>().Calendar));
        services.AddTicketRouting();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<IAuditLog, LiteDbAuditLog>();
        services.AddSingleton<IPersonalDataHolder, TicketPersonalData>();
        services.AddSingleton<IPersonalDataHolder, ConversationPersonalData>();
        services.AddSingleton<IPersonalDataHolder, CrmPersonalData>();
        services.AddSingleton<PersonalData>();
        services.AddTurnUnderstanding(sp =>
        {
            var paths = sp.GetRequiredService<SmbBotPaths>();
            return new UnderstandingPaths(paths.Knowledge, paths.Models);
        });
        services.AddSingleton<IJobClaims, SingleHostJobClaims>();
        services.AddSingleton<IChangeFeed, SingleHostChangeFeed>();
        services.AddHostedService<ConversationJanitor>();
        return services;
    }
}
