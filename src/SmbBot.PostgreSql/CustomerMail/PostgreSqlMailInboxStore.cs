using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.CustomerMail;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.CustomerMail;

/// <summary>
/// The e-mails already handled, in PostgreSQL (table <c>mail_inbox</c>). A record is inserted only if its key is
/// absent (<c>ON CONFLICT DO NOTHING</c>): when two hosts handle one e-mail, the first record stays and the second
/// host learns it came second.
/// </summary>
public sealed class PostgreSqlMailInboxStore(NpgsqlDataSource database) : IMailInboxStore
{
    /// <inheritdoc/>
    public InboundMailRecord? Get(string key)
    {
        using var read = database.CreateCommand("SELECT outcome, ticket_id, at FROM mail_inbox WHERE key = $1");
        read.Parameters.Add(new() { Value = key });
        using var r = read.ExecuteReader();
        return r.Read()
            ? new InboundMailRecord { Key = key, Outcome = Enum.Parse<InboundOutcome>(r.GetString(0)), TicketId = r.IsDBNull(1) ? null : r.GetInt32(1), At = r.GetDateTime(2) }
            : null;
    }

    /// <inheritdoc/>
    public bool Record(string key, InboundOutcome outcome, int? ticketId, DateTime nowUtc)
    {
        using var insert = database.CreateCommand("INSERT INTO mail_inbox (key, outcome, ticket_id, at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING");
        insert.Parameters.Add(new() { Value = key });
        insert.Parameters.Add(new() { Value = outcome.ToString() });
        insert.Parameters.Add(new() { Value = (object?)ticketId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        insert.Parameters.Add(new() { Value = TicketRow.Utc(nowUtc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        return insert.ExecuteNonQuery() == 1;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, int> Counts()
    {
        using var read = database.CreateCommand("SELECT outcome, count(*) FROM mail_inbox GROUP BY outcome");
        var counts = new Dictionary<string, int>();
        using var r = read.ExecuteReader();
        while (r.Read()) counts[char.ToLowerInvariant(r.GetString(0)[0]) + r.GetString(0)[1..]] = (int)r.GetInt64(1);
        return counts;
    }
}
