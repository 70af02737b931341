using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.DirectLine;
using SmbBot.Core.Insight;
using SmbBot.Core.KnowledgeEditing;
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
/// <see cref="Runtime.PostgreSqlStoreRegistrations"/>), the LiteDB collections it reads (none for what is kept as
/// files in the data folder), and the move itself, which returns how many of the store's records it wrote.
/// </summary>
public sealed record StoreMove(string Name, Type[] Stores, string[] Collections, Func<MigrationSource, PostgreSqlImport, long> Move);

/// <summary>Every store's move, in the order they run; the LiteDB stores' collections read as they store them.</summary>
public static class StoreMoves
{
    /// <summary>All moves. A store registered for PostgreSQL but missing here fails the migration tests.</summary>
    public static IReadOnlyList<StoreMove> All { get; } =
    [
        new("tickets", [typeof(ITicketStore)], ["tickets"], (from, to) => to.Tickets(Read<Ticket>(from.Database, "tickets"))),
        new("conversations", [typeof(IConversationStore)], ["conversations"], (from, to) => to.Conversations(Read<ConversationRecord>(from.Database, "conversations"))),
        new("web chat conversations", [typeof(IDirectLineStore)], ["dl_conversations"], (from, to) => to.DirectLineConversations(Read<DirectLineConversation>(from.Database, "dl_conversations"))),
        new("web chat activities", [typeof(IDirectLineStore)], ["dl_activities"], MoveActivities),
        new("staff accounts", [typeof(IStaffAccountStore), typeof(ISignInFailureStore)], ["staff"], (from, to) => to.StaffAccounts(Read<StaffAccount>(from.Database, "staff"))),
        new("teams", [typeof(ITeamStore)], ["teams"], (from, to) => to.Teams(Read<Team>(from.Database, "teams"))),
        new("outbox", [typeof(IOutboxStore)], ["outbox"], (from, to) => to.Outbox(Read<OutboxMessage>(from.Database, "outbox"))),
        new("mail inbox", [typeof(IMailInboxStore)], ["mail_inbox"], (from, to) => to.MailInbox(Read<InboundMailRecord>(from.Database, "mail_inbox"))),
        new("audit log", [typeof(IAuditLog)], ["audit"], (from, to) => to.Audit(Read<AuditEntry>(from.Database, "audit"))),
        new("insight conversations", [typeof(IInsightStore)], ["insight_conversations"], (from, to) => to.InsightConversations(Read<ConversationInsight>(from.Database, "insight_conversations"))),
        new("insight days", [typeof(IInsightStore)], ["insight_days"], (from, to) => to.InsightDays(Read<InsightDay>(from.Database, "insight_days"))),
        new("insight weeks", [typeof(IInsightStore)], ["insight_weeks"], (from, to) => to.InsightWeeks(Read<InsightWeek>(from.Database, "insight_weeks"))),
        new("unanswered messages", [typeof(IUnansweredStore)], ["insight_unanswered"], (from, to) => to.Unanswered(Read<UnansweredMessage>(from.Database, "insight_unanswered"))),
        new("unanswered inbox changes", [typeof(IInboxChangeStore)], ["insight_inbox_changes"], (from, to) => to.InboxChanges(Read<InboxChange>(from.Database, "insight_inbox_changes"))),
        new("FAQ phrasings", [typeof(FaqPhrasingCollection)], [UnderstandingServiceCollectionExtensions.FaqCollectionName],
            (from, to) => to.FaqPhrasings(LiteDbFaqCollection.ReadAll(from.Database, UnderstandingServiceCollectionExtensions.FaqCollectionName))),
        new("knowledge versions", [typeof(IKnowledgeVersionStore)], [], MoveKnowledgeVersions),
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
    public static IReadOnlyDictionary<string, string> CollectionsNotMoved { get; } = new Dictionary<string, string>();

    // Activities of a conversation the janitor has deleted have nothing to belong to in PostgreSQL (a foreign key).
    private static long MoveActivities(MigrationSource from, PostgreSqlImport to)
    {
        var db = from.Database;
        var conversations = Read<DirectLineConversation>(from.Database, "dl_conversations").Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return to.DirectLineActivities(Read<DirectLineActivity>(from.Database, "dl_activities").Where(a => conversations.Contains(a.ConversationId)));
    }

    // Oldest first, each checked against its fingerprint; the newest becomes the version every host on PostgreSQL runs.
    private static long MoveKnowledgeVersions(MigrationSource from, PostgreSqlImport to) =>
        to.KnowledgeVersions(from.Versions.List().Reverse().Select(v => (v, from.Versions.Files(v.Number)
            ?? throw new InvalidDataException($"knowledge version {v.Number} lost its files while it was read"))));

    private static IEnumerable<T> Read<T>(ILiteDatabase db, string collection) => db.GetCollection<T>(collection).FindAll();
}
