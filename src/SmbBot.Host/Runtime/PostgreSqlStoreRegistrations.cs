using Npgsql;
using SmbBot.Bot.DirectLine;
using SmbBot.Core.Conversations;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Staff;
using SmbBot.Core.Storage;
using SmbBot.Core.Teams;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Insight;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;
using SmbBot.Core.Tickets;
using SmbBot.Knowledge.VectorStore;
using SmbBot.PostgreSql.Changes;
using SmbBot.PostgreSql.Conversations;
using SmbBot.PostgreSql.CustomerMail;
using SmbBot.PostgreSql.DirectLine;
using SmbBot.PostgreSql.Faq;
using SmbBot.PostgreSql.Insight;
using SmbBot.PostgreSql.Knowledge;
using SmbBot.PostgreSql.Jobs;
using SmbBot.PostgreSql.Outbox;
using SmbBot.PostgreSql.Privacy;
using SmbBot.PostgreSql.Staff;
using SmbBot.PostgreSql.Teams;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.Host.Runtime;

/// <summary>
/// The PostgreSQL store of each store interface, one line per store (the LiteDB one stays registered where its
/// feature is added). A store is listed in <see cref="SmbBot.PostgreSql.PostgreSqlStores.Done"/> when its line is here.
/// </summary>
public static class PostgreSqlStoreRegistrations
{
    /// <summary>Replaces each LiteDB store with its PostgreSQL store.</summary>
    public static void Add(IServiceCollection services)
    {
        services.Use<ITicketStore, PostgreSqlTicketStore>();
        services.Use<IConversationStore, PostgreSqlConversationStore>();
        services.Use<IOutboxStore, PostgreSqlOutboxStore>();
        services.Use<IMailInboxStore, PostgreSqlMailInboxStore>();
        services.Use<IAuditLog, PostgreSqlAuditLog>();
        services.Use<IInsightStore, PostgreSqlInsightStore>();
        services.Use<IUnansweredStore, PostgreSqlUnansweredStore>();
        services.Use<IInboxChangeStore, PostgreSqlInboxChangeStore>();
        services.Use<FaqPhrasingCollection, PostgreSqlFaqCollection>();
        services.Use<IDirectLineStore>(sp => new PostgreSqlDirectLineStore(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<DirectLineOptions>().Limits(),
            sp.GetRequiredService<PostgreSqlChangeFeed>()));
        services.Use<IStaffAccountStore, PostgreSqlStaffAccountStore>();
        services.Use<ISignInFailureStore, PostgreSqlSignInFailureStore>();
        services.Use<ITeamStore, PostgreSqlTeamStore>();
        services.Use<IKnowledgeVersionStore, PostgreSqlKnowledgeVersionStore>();

        // What several hosts on one database share beyond the stores.
        services.Use<IConversationLocks>(sp => new PostgreSqlConversationLocks(sp.GetRequiredService<NpgsqlDataSource>(), PostgreSqlConversationLocks.DefaultWait));
        services.Use<IJobClaims>(sp => new PostgreSqlJobClaims(sp.GetRequiredService<NpgsqlDataSource>(), HostName()));
        services.AddSingleton<PostgreSqlChangeFeed>();
        services.Use<IChangeFeed>(sp => sp.GetRequiredService<PostgreSqlChangeFeed>());
        services.AddHostedService<ChangeFeedListener>();
    }

    /// <summary>This host in <c>job_runs</c>: the machine and process, for whoever reads the table.</summary>
    private static string HostName() => $"{Environment.MachineName}/{Environment.ProcessId}";
}
