using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Tickets;

namespace SmbBot.PostgreSql.Tickets;

/// <summary>
/// A ticket as a row of <c>tickets</c>: the columns the queue filters and sorts by, derived from the ticket at every
/// write, and the whole ticket as JSONB (the truth the columns are read from). The conversation reference, which the
/// ticket's JSON leaves out on purpose, has a column of its own.
/// </summary>
internal static class TicketRow
{
    /// <summary>The columns in the order <see cref="Bind"/> and <see cref="Write"/> give them.</summary>
    public const string Columns =
        "id, queue_key, status, priority, category, assigned_to_id, team_id, conversation_id, user_id, customer_email, customer_id, auto_assigned_at, created_at, updated_at, conversation_reference, doc";

    /// <summary>What a read selects; <see cref="Read"/> turns it back into a ticket.</summary>
    public const string Selected = "id, conversation_reference, doc";

    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The parameter list <c>$1 … $16</c> of an insert.</summary>
    public static string Placeholders => string.Join(", ", Enumerable.Range(1, 16).Select(i => $"${i}"));

    /// <summary>The ticket's values as positional parameters, in <see cref="Columns"/> order.</summary>
    public static void Bind(NpgsqlParameterCollection p, Ticket t)
    {
        p.Add(new() { Value = t.Id });
        p.Add(new() { Value = t.QueueKey });
        p.Add(new() { Value = t.Status.ToString() });
        p.Add(new() { Value = (int)t.Priority });
        p.Add(new() { Value = t.Category });
        p.Add(new() { Value = (object?)t.AssignedToId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = t.TeamId });
        p.Add(new() { Value = t.ConversationId });
        p.Add(new() { Value = t.UserId });
        p.Add(new() { Value = (object?)t.CustomerEmail ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = (object?)t.Customer?.Id ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        p.Add(new() { Value = t.AutoAssignedAt is { } a ? Utc(a) : DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = Utc(t.CreatedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = Utc(t.UpdatedAt), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        p.Add(new() { Value = t.ConversationReference });
        p.Add(new() { Value = JsonSerializer.Serialize(t, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
    }

    /// <summary>Writes the ticket as one row of a binary COPY, in <see cref="Columns"/> order.</summary>
    public static void Write(NpgsqlBinaryImporter copy, Ticket t)
    {
        copy.StartRow();
        copy.Write(t.Id, NpgsqlDbType.Integer);
        copy.Write(t.QueueKey, NpgsqlDbType.Text);
        copy.Write(t.Status.ToString(), NpgsqlDbType.Text);
        copy.Write((int)t.Priority, NpgsqlDbType.Integer);
        copy.Write(t.Category, NpgsqlDbType.Text);
        WriteText(copy, t.AssignedToId);
        copy.Write(t.TeamId, NpgsqlDbType.Text);
        copy.Write(t.ConversationId, NpgsqlDbType.Text);
        copy.Write(t.UserId, NpgsqlDbType.Text);
        WriteText(copy, t.CustomerEmail);
        WriteText(copy, t.Customer?.Id);
        if (t.AutoAssignedAt is { } a) copy.Write(Utc(a), NpgsqlDbType.TimestampTz); else copy.WriteNull();
        copy.Write(Utc(t.CreatedAt), NpgsqlDbType.TimestampTz);
        copy.Write(Utc(t.UpdatedAt), NpgsqlDbType.TimestampTz);
        copy.Write(t.ConversationReference, NpgsqlDbType.Text);
        copy.Write(JsonSerializer.Serialize(t, Json), NpgsqlDbType.Jsonb);
    }

    /// <summary>The ticket of a row selected as <see cref="Selected"/>.</summary>
    public static Ticket Read(NpgsqlDataReader reader)
    {
        var ticket = JsonSerializer.Deserialize<Ticket>(reader.GetString(2), Json)!;
        ticket.Id = reader.GetInt32(0);
        ticket.ConversationReference = reader.GetString(1);
        return ticket;
    }

    /// <summary>Every ticket a command selects as <see cref="Selected"/>.</summary>
    public static List<Ticket> ReadAll(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<Ticket>();
        while (reader.Read()) found.Add(Read(reader));
        return found;
    }

    /// <summary>PostgreSQL keeps instants: a time of unspecified kind is taken as UTC, as LiteDB reads it back.</summary>
    public static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private static void WriteText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null) copy.WriteNull(); else copy.Write(value, NpgsqlDbType.Text);
    }
}
