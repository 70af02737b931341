using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Outbox;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Outbox;

/// <summary>How an <see cref="OutboxMessage"/> maps to a row of <c>outbox</c>.</summary>
internal static class OutboxRow
{
    /// <summary>The columns of a message, in the order <see cref="Read"/> expects.</summary>
    public const string Columns = "id, channel, kind, ticket_id, conversation_id, to_address, subject, body, created_at, next_attempt_at, "
        + "attempts, last_attempt_at, last_error, sent_at, gave_up, message_id, in_reply_to, references_ids, chat_activity_id, not_needed";

    /// <summary>The parameters $1 … $20 of an insert, in <see cref="Columns"/> order.</summary>
    public static void Add(NpgsqlParameterCollection p, OutboxMessage m)
    {
        p.Add(new() { Value = m.Id });
        p.Add(new() { Value = m.Channel.ToString() });
        p.Add(new() { Value = m.Kind ?? "" });
        p.Add(new() { Value = (object?)m.TicketId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(new() { Value = m.ConversationId ?? "" });
        p.Add(new() { Value = m.To ?? "" });
        p.Add(new() { Value = m.Subject ?? "" });
        p.Add(new() { Value = m.Body ?? "" });
        p.Add(Time(m.CreatedAt));
        p.Add(Time(m.NextAttemptAt));
        p.Add(new() { Value = m.Attempts });
        p.Add(Time(m.LastAttemptAt));
        p.Add(Text(m.LastError));
        p.Add(Time(m.SentAt));
        p.Add(new() { Value = m.GaveUp });
        p.Add(Text(m.MessageId));
        p.Add(Text(m.InReplyTo));
        p.Add(Text(m.References));
        p.Add(Text(m.ChatActivityId));
        p.Add(Text(m.NotNeeded));
    }

    /// <summary>The message of a row selected as <see cref="Columns"/>.</summary>
    public static OutboxMessage Read(NpgsqlDataReader r) => new()
    {
        Id = r.GetString(0),
        Channel = Enum.Parse<OutboxChannel>(r.GetString(1)),
        Kind = r.GetString(2),
        TicketId = r.IsDBNull(3) ? null : r.GetInt32(3),
        ConversationId = r.GetString(4),
        To = r.GetString(5),
        Subject = r.GetString(6),
        Body = r.GetString(7),
        CreatedAt = r.GetDateTime(8),
        NextAttemptAt = r.GetDateTime(9),
        Attempts = r.GetInt32(10),
        LastAttemptAt = r.IsDBNull(11) ? null : r.GetDateTime(11),
        LastError = r.IsDBNull(12) ? null : r.GetString(12),
        SentAt = r.IsDBNull(13) ? null : r.GetDateTime(13),
        GaveUp = r.GetBoolean(14),
        MessageId = r.IsDBNull(15) ? null : r.GetString(15),
        InReplyTo = r.IsDBNull(16) ? null : r.GetString(16),
        References = r.IsDBNull(17) ? null : r.GetString(17),
        ChatActivityId = r.IsDBNull(18) ? null : r.GetString(18),
        NotNeeded = r.IsDBNull(19) ? null : r.GetString(19),
    };

    public static NpgsqlParameter Time(DateTime? time) =>
        new() { Value = time is { } t ? TicketRow.Utc(t) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    public static NpgsqlParameter Text(string? text) => new() { Value = (object?)text ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };
}
