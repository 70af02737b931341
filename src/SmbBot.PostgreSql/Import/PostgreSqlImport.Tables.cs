using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
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
using SmbBot.PostgreSql.Knowledge;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Import;

// One method per table (or group of tables) of a store: the same columns, derived the same way, as the store's own
// writes, with the ids the installation already gave (ticket numbers, watermarks, message ids) kept.
public sealed partial class PostgreSqlImport
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Published knowledge versions with their numbers, each checked against its fingerprint first.</summary>
    public long KnowledgeVersions(IEnumerable<(KnowledgeVersion Version, IReadOnlyDictionary<string, byte[]> Files)> versions)
    {
        long n = 0;
        foreach (var (version, files) in versions)
        {
            KnowledgeVersionImport.Ensure(version, files);
            PostgreSqlKnowledgeVersionStore.Insert(_connection, version, files);
            n++;
        }
        _written["knowledge_versions"] = _written.GetValueOrDefault("knowledge_versions") + n;
        return n;
    }

    /// <summary>Tickets with their numbers; the number sequence is moved past the highest at <see cref="Commit"/>.</summary>
    public long Tickets(IEnumerable<Ticket> tickets) => Copy("tickets", TicketRow.Columns, tickets, (copy, t) =>
    {
        t.QueueKey = TicketQueueKey.Of(t);
        TicketRow.Write(copy, t);
    });

    /// <summary>The bot's conversation records.</summary>
    public long Conversations(IEnumerable<ConversationRecord> records) =>
        Copy("conversations", "id, user_id, email, customer_id, open_ticket_id, updated_at, doc", records, (copy, r) => Row(copy,
            (r.Id, NpgsqlDbType.Text), (r.UserId, NpgsqlDbType.Text), (r.Email, NpgsqlDbType.Text), (r.CustomerId, NpgsqlDbType.Text),
            (r.OpenTicketId, NpgsqlDbType.Integer), (Utc(r.UpdatedAt), NpgsqlDbType.TimestampTz), (JsonSerializer.Serialize(r, Json), NpgsqlDbType.Jsonb)));

    /// <summary>Direct Line conversations with their watermark (last sequence number), stored bytes and token generation.</summary>
    public long DirectLineConversations(IEnumerable<DirectLineConversation> conversations) =>
        Copy("dl_conversations", "id, user_id, verified, created_at, last_active_at, last_seq, stored_bytes, token_generation", conversations, (copy, c) => Row(copy,
            (c.Id, NpgsqlDbType.Text), (c.UserId, NpgsqlDbType.Text), (c.Verified, NpgsqlDbType.Boolean), (Utc(c.CreatedAt), NpgsqlDbType.TimestampTz),
            (Utc(c.LastActiveAt), NpgsqlDbType.TimestampTz), (c.LastSeq, NpgsqlDbType.Integer), (c.StoredBytes, NpgsqlDbType.Bigint), (c.TokenGeneration, NpgsqlDbType.Integer)));

    /// <summary>Direct Line activities with their sequence numbers, as the exact JSON text the client receives.</summary>
    public long DirectLineActivities(IEnumerable<DirectLineActivity> activities) =>
        Copy("dl_activities", "conversation_id, seq, bytes, json", activities, (copy, a) => Row(copy,
            (a.ConversationId, NpgsqlDbType.Text), (a.Seq, NpgsqlDbType.Integer), (Encoding.UTF8.GetByteCount(a.Json), NpgsqlDbType.Integer), (a.Json, NpgsqlDbType.Text)));

    /// <summary>Staff accounts with the same password hashes.</summary>
    public long StaffAccounts(IEnumerable<StaffAccount> accounts) =>
        Copy("staff_accounts", "id, email, display_name, role, password_hash, disabled, created_at, alerts, away, away_until", accounts, (copy, a) => Row(copy,
            (a.Id, NpgsqlDbType.Text), (a.Email, NpgsqlDbType.Text), (a.DisplayName, NpgsqlDbType.Text), (a.Role, NpgsqlDbType.Text),
            (a.PasswordHash, NpgsqlDbType.Text), (a.Disabled, NpgsqlDbType.Boolean), (Utc(a.CreatedAt), NpgsqlDbType.TimestampTz),
            (a.Alerts is null ? null : JsonSerializer.Serialize(a.Alerts), NpgsqlDbType.Jsonb), (a.Away, NpgsqlDbType.Boolean),
            (a.AwayUntil is { } until ? Utc(until) : null, NpgsqlDbType.TimestampTz)));

    /// <summary>Teams with their members in round-robin order.</summary>
    public long Teams(IEnumerable<Team> teams) =>
        Copy("teams", "id, name, name_key, members, auto_assign, last_assigned_id", teams, (copy, t) => Row(copy,
            (t.Id, NpgsqlDbType.Text), (t.Name, NpgsqlDbType.Text), (t.Name.ToUpperInvariant(), NpgsqlDbType.Text),
            (t.Members.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text), (t.AutoAssign.ToString(), NpgsqlDbType.Text), (t.LastAssignedId, NpgsqlDbType.Text)));

    /// <summary>The outbox as it is: a message still waiting stays waiting (unclaimed), a sent one stays sent.</summary>
    public long Outbox(IEnumerable<OutboxMessage> messages) =>
        Copy("outbox", "id, channel, kind, ticket_id, conversation_id, to_address, subject, body, created_at, next_attempt_at, "
            + "attempts, last_attempt_at, last_error, sent_at, gave_up, message_id, in_reply_to, references_ids, chat_activity_id, not_needed", messages, (copy, m) => Row(copy,
            (m.Id, NpgsqlDbType.Text), (m.Channel.ToString(), NpgsqlDbType.Text), (m.Kind ?? "", NpgsqlDbType.Text), (m.TicketId, NpgsqlDbType.Integer),
            (m.ConversationId ?? "", NpgsqlDbType.Text), (m.To ?? "", NpgsqlDbType.Text), (m.Subject ?? "", NpgsqlDbType.Text), (m.Body ?? "", NpgsqlDbType.Text),
            (Utc(m.CreatedAt), NpgsqlDbType.TimestampTz), (Utc(m.NextAttemptAt), NpgsqlDbType.TimestampTz), (m.Attempts, NpgsqlDbType.Integer),
            (Utc(m.LastAttemptAt), NpgsqlDbType.TimestampTz), (m.LastError, NpgsqlDbType.Text), (Utc(m.SentAt), NpgsqlDbType.TimestampTz),
            (m.GaveUp, NpgsqlDbType.Boolean), (m.MessageId, NpgsqlDbType.Text), (m.InReplyTo, NpgsqlDbType.Text), (m.References, NpgsqlDbType.Text),
            (m.ChatActivityId, NpgsqlDbType.Text), (m.NotNeeded, NpgsqlDbType.Text)));

    /// <summary>The customer e-mails already handled, so none is handled twice after the move.</summary>
    public long MailInbox(IEnumerable<InboundMailRecord> records) =>
        Copy("mail_inbox", "key, outcome, ticket_id, at", records, (copy, r) => Row(copy,
            (r.Key, NpgsqlDbType.Text), (r.Outcome.ToString(), NpgsqlDbType.Text), (r.TicketId, NpgsqlDbType.Integer), (Utc(r.At), NpgsqlDbType.TimestampTz)));

    /// <summary>The privacy audit log, in the order given (the order of entries made in the same instant).</summary>
    public long Audit(IEnumerable<AuditEntry> entries) =>
        Copy("audit", "at, actor, action, subject, detail", entries, (copy, e) => Row(copy,
            (Utc(e.At), NpgsqlDbType.TimestampTz), (e.Actor ?? "", NpgsqlDbType.Text), (e.Action ?? "", NpgsqlDbType.Text),
            (e.Subject ?? "", NpgsqlDbType.Text), (e.Detail ?? "", NpgsqlDbType.Text)));

    /// <summary>Insight's conversation rows.</summary>
    public long InsightConversations(IEnumerable<ConversationInsight> rows) =>
        Copy("insight_conversations", "id, user_id, day, last_answer_at, doc", rows, (copy, r) => Row(copy,
            (r.Id, NpgsqlDbType.Text), (r.UserId ?? "", NpgsqlDbType.Text), (DateOnly.FromDateTime(r.Day), NpgsqlDbType.Date),
            (Utc(r.LastAnswerAt), NpgsqlDbType.TimestampTz), (JsonSerializer.Serialize(r, Json), NpgsqlDbType.Jsonb)));

    /// <summary>Insight's day counters: one row per day and counter.</summary>
    public long InsightDays(IEnumerable<InsightDay> days) =>
        Copy("insight_days", "day, key, value", days.SelectMany(d => d.Counters.Select(c => (Day: DateOnly.FromDateTime(d.Day), c.Key, c.Value))),
            (copy, c) => Row(copy, (c.Day, NpgsqlDbType.Date), (c.Key, NpgsqlDbType.Text), (c.Value, NpgsqlDbType.Bigint)));

    /// <summary>Insight's week counters, and each weekday's value of the counters kept per day (zeros left out, as the store leaves them).</summary>
    public long InsightWeeks(IEnumerable<InsightWeek> weeks)
    {
        var all = weeks.ToList();
        var n = Copy("insight_weeks", "monday, key, value", all.SelectMany(w => w.Counters.Select(c => (Monday: DateOnly.FromDateTime(w.Monday), c.Key, c.Value))),
            (copy, c) => Row(copy, (c.Monday, NpgsqlDbType.Date), (c.Key, NpgsqlDbType.Text), (c.Value, NpgsqlDbType.Bigint)));
        Copy("insight_week_days", "monday, key, weekday, value",
            all.SelectMany(w => w.ByWeekday.SelectMany(k => k.Value.Select((value, weekday) => (Monday: DateOnly.FromDateTime(w.Monday), k.Key, Weekday: (short)weekday, Value: value))))
               .Where(c => c.Value != 0),
            (copy, c) => Row(copy, (c.Monday, NpgsqlDbType.Date), (c.Key, NpgsqlDbType.Text), (c.Weekday, NpgsqlDbType.Smallint), (c.Value, NpgsqlDbType.Bigint)));
        return n;
    }

    /// <summary>The unanswered inbox's messages with their ids.</summary>
    public long Unanswered(IEnumerable<UnansweredMessage> messages) =>
        Copy("insight_unanswered", "id, at, conversation_id, user_id, text, unsure, vector, status, faq_id", messages, (copy, m) => Row(copy,
            (m.Id, NpgsqlDbType.Integer), (Utc(m.At), NpgsqlDbType.TimestampTz), (m.ConversationId, NpgsqlDbType.Text), (m.UserId, NpgsqlDbType.Text),
            (m.Text, NpgsqlDbType.Text), (m.Unsure, NpgsqlDbType.Boolean), (m.Vector, NpgsqlDbType.Array | NpgsqlDbType.Real),
            (m.Status.ToString(), NpgsqlDbType.Text), (m.FaqId, NpgsqlDbType.Text)));

    /// <summary>What the owner did in the unanswered inbox, with the ids.</summary>
    public long InboxChanges(IEnumerable<InboxChange> changes) =>
        Copy("insight_inbox_changes", "id, at, actor, action, faq_id, example, messages, share_before, centroid", changes, (copy, c) => Row(copy,
            (c.Id, NpgsqlDbType.Integer), (Utc(c.At), NpgsqlDbType.TimestampTz), (c.Actor, NpgsqlDbType.Text), (c.Action, NpgsqlDbType.Text),
            (c.FaqId, NpgsqlDbType.Text), (c.Example, NpgsqlDbType.Text), (c.Messages, NpgsqlDbType.Integer), (c.ShareBefore, NpgsqlDbType.Double),
            (c.Centroid ?? [], NpgsqlDbType.Array | NpgsqlDbType.Real)));

    /// <summary>The FAQ phrasings with their embeddings, so the host does not embed them again at its first start.</summary>
    public long FaqPhrasings(IEnumerable<FaqPhrasingRecord> records) =>
        Copy("faq_phrasings", "key, faq_id, kind, text, text_hash, vector", records, (copy, r) => Row(copy,
            (r.Key, NpgsqlDbType.Text), (r.FaqId, NpgsqlDbType.Text), (r.Kind, NpgsqlDbType.Text), (r.Text, NpgsqlDbType.Text),
            (r.TextHash, NpgsqlDbType.Text), (r.Vector.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Real)));

    private static void Row(NpgsqlBinaryImporter copy, params (object? Value, NpgsqlDbType Type)[] values)
    {
        copy.StartRow();
        foreach (var (value, type) in values)
        {
            if (value is null) copy.WriteNull();
            else copy.Write(value, type);
        }
    }

    private static DateTime Utc(DateTime time) => TicketRow.Utc(time);

    private static DateTime? Utc(DateTime? time) => time is { } t ? TicketRow.Utc(t) : null;
}
