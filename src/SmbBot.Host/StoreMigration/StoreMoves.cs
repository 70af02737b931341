using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Insight;
using SmbBot.Core.Outbox;
using SmbBot.Core.Privacy;
using SmbBot.Core.Staff;
using SmbBot.Core.Teams;
using SmbBot.Core.Tickets;
using SmbBot.Knowledge.VectorStore;
using SmbBot.PostgreSql.Import;
using SmbBot.Understanding;

namespace SmbBot.Host.StoreMigration;

/// <summary>
/// One store's move from LiteDB to PostgreSQL: the store interfaces it covers (each registered in
/// <see cref="Runtime.PostgreSqlStoreRegistrations"/>), the LiteDB collections it reads, and the move itself, which
/// returns how many of the store's records it wrote.
/// </summary>
public sealed record StoreMove(string Name, Type[] Stores, string[] Collections, Func<ILiteDatabase, PostgreSqlImport, long> Move);

/// <summary>Every store's move, in the order they run; the LiteDB stores' collections read as they store them.</summary>
public static class StoreMoves
{
    /// <summary>All moves. A store registered for PostgreSQL but missing here fails the migration tests.</summary>
    public static IReadOnlyList<StoreMove> All { get; } =
    [
        new("tickets", [typeof(ITicketStore)], ["tickets"], (db, to) => to.Tickets(Read<Ticket>(db, "tickets"))),
        new("conversations", [typeof(IConversationStore)], ["conversations"], (db, to) => to.Conversations(Read<ConversationRecord>(db, "conversations"))),
        new("web chat conversations", [typeof(IDirectLineStore)], ["dl_conversations"], (db, to) => to.DirectLineConversations(Read<DirectLineConversation>(db, "dl_conversations"))),
        new("web chat activities", [typeof(IDirectLineStore)], ["dl_activities"], MoveActivities),
        new("staff accounts", [typeof(IStaffAccountStore), typeof(ISignInFailureStore)], ["staff"], (db, to) => to.StaffAccounts(Read<StaffAccount>(db, "staff"))),
        new("teams", [typeof(ITeamStore)], ["teams"], (db, to) => to.Teams(Read<Team>(db, "teams"))),
        new("outbox", [typeof(IOutboxStore)], ["outbox"], (db, to) => to.Outbox(Read<OutboxMessage>(db, "outbox"))),
        new("mail inbox", [typeof(IMailInboxStore)], ["mail_inbox"], (db, to) => to.MailInbox(Read<InboundMailRecord>(db, "mail_inbox"))),
        new("audit log", [typeof(IAuditLog)], ["audit"], (db, to) => to.Audit(Read<AuditEntry>(db, "audit"))),
        new("insight conversations", [typeof(IInsightStore)], ["insight_conversations"], (db, to) => to.InsightConversations(Read<ConversationInsight>(db, "insight_conversations"))),
        new("insight days", [typeof(IInsightStore)], ["insight_days"], (db, to) => to.InsightDays(Read<InsightDay>(db, "insight_days"))),
        new("insight weeks", [typeof(IInsightStore)], ["insight_weeks"], (db, to) => to.InsightWeeks(Read<InsightWeek>(db, "insight_weeks"))),
        new("unanswered messages", [typeof(IUnansweredStore)], ["insight_unanswered"], (db, to) => to.Unanswered(Read<UnansweredMessage>(db, "insight_unanswered"))),
        new("unanswered inbox changes", [typeof(IInboxChangeStore)], ["insight_inbox_changes"], (db, to) => to.InboxChanges(Read<InboxChange>(db, "insight_inbox_changes"))),
        new("FAQ phrasings", [typeof(FaqPhrasingCollection)], [UnderstandingServiceCollectionExtensions.FaqCollectionName],
            (db, to) => to.FaqPhrasings(LiteDbFaqCollection.ReadAll(db, UnderstandingServiceCollectionExtensions.FaqCollectionName))),
    ];

    /// <summary>
    /// What is registered for PostgreSQL but holds nothing of a LiteDB installation: what several hosts share while they
    /// run (the per-conversation locks, job claims, the change feed). <see cref="ISignInFailureStore"/> is covered by
    /// the staff move: on LiteDB it lives in memory, so there is nothing of it to move.
    /// </summary>
    public static IReadOnlyList<Type> NothingToMove { get; } =
        [typeof(IConversationLocks), typeof(Core.Storage.IJobClaims), typeof(Core.Storage.IChangeFeed), typeof(PostgreSql.Changes.PostgreSqlChangeFeed)];

    /// <summary>
    /// LiteDB collections a host may hold that are not moved, and why. Any other collection not read by a move
    /// stops the migration before it writes: it would be data left behind.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CollectionsNotMoved { get; } = new Dictionary<string, string>
    {
        // Hook for the knowledge versions: their move is added with their PostgreSQL store (migration 012).
        ["knowledge_versions"] = "the knowledge versions are not moved by this version of migrate-store",
    };

    // Activities of a conversation the janitor has deleted have nothing to belong to in PostgreSQL (a foreign key).
    private static long MoveActivities(ILiteDatabase db, PostgreSqlImport to)
    {
        var conversations = Read<DirectLineConversation>(db, "dl_conversations").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return to.DirectLineActivities(Read<DirectLineActivity>(db, "dl_activities").Where(a => conversations.Contains(a.ConversationId)));
    }

    private static IEnumerable<T> Read<T>(ILiteDatabase db, string collection) => db.GetCollection<T>(collection).FindAll();
}
