using LiteDB;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel.Data;
using SmbBot.Core;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Privacy;
using SmbBot.Core.Routing;
using SmbBot.Core.Tickets;
using SmbBot.Host.Configuration;
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
        services.AddSettings<EscalationOptions>(configuration, EscalationOptions.SectionName);
        services.AddSettings<CrmOptions>(configuration, CrmOptions.SectionName);
        services.AddSingleton(_ => SmbBotPaths.From(configuration));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => KnowledgeBase.Load(sp.GetRequiredService<SmbBotPaths>().Knowledge, sp.GetRequiredService<CrmOptions>().Columns));
        services.AddSingleton<ICustomerDirectory>(sp => new CsvCustomerDirectory(sp.GetRequiredService<KnowledgeBase>().Customers));
        services.AddSingleton(sp => DataFolderLock.Acquire(sp.GetRequiredService<SmbBotPaths>().Data));
        services.AddSingleton<ILiteDatabase>(sp =>
        {
            sp.GetRequiredService<DataFolderLock>();
            return OpenDatabase(sp.GetRequiredService<SmbBotPaths>());
        });
        services.AddSingleton<TicketStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton(sp => BusinessCalendar.From(sp.GetRequiredService<EscalationOptions>()));
        services.AddSingleton<TicketRouting>();
        services.AddSingleton<TicketDesk>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<IPersonalDataHolder, TicketPersonalData>();
        services.AddSingleton<IPersonalDataHolder, ConversationPersonalData>();
        services.AddSingleton<IPersonalDataHolder, CrmPersonalData>();
        services.AddSingleton<PersonalData>();
        services.AddTurnUnderstanding(sp =>
        {
            var paths = sp.GetRequiredService<SmbBotPaths>();
            return new UnderstandingPaths(paths.Knowledge, paths.Models);
        });
        services.AddHostedService<ConversationJanitor>();
        return services;
    }

    /// <summary>
    /// Opens the one LiteDB file of the process, creating the data folder on first start. A file that cannot be
    /// opened (corrupt, locked by another process, unreadable) stops the start: starting empty would lose tickets.
    /// </summary>
    public static LiteDatabase OpenDatabase(SmbBotPaths paths)
    {
        LiteDbMappings.WarmUp();
        try
        {
            Directory.CreateDirectory(paths.Data);
            var db = new LiteDatabase(new ConnectionString { Filename = paths.Database, Connection = ConnectionType.Direct });
            db.GetCollectionNames().ToList(); // reads the header and the collection list: fails now on a damaged file
            if (!db.UtcDate) db.UtcDate = true; // times come back as UTC, whatever the server's time zone
            return db;
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException or InvalidCastException)
        {
            throw new DataStoreException(
                $"the data file {paths.Database} cannot be opened ({e.Message}). If another SmbBot is running on the same " +
                "data folder, stop it; if the file is damaged, restore it from a backup or move it away (tickets in it are not lost " +
                "until it is deleted)", e);
        }
    }
}
