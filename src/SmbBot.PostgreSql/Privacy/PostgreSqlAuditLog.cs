using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.Privacy;
using SmbBot.PostgreSql.Tickets;

namespace SmbBot.PostgreSql.Privacy;

/// <summary>
/// The audit log in PostgreSQL (table <c>audit</c>): rows are only inserted; the table's trigger refuses updates and
/// deletes. Newest first is by time, then by the order of insertion.
/// </summary>
public sealed class PostgreSqlAuditLog(NpgsqlDataSource database) : IAuditLog
{
    private const string Columns = "at, actor, action, subject, detail";

    /// <inheritdoc/>
    public void Add(AuditEntry entry)
    {
        using var insert = database.CreateCommand($"INSERT INTO audit ({Columns}) VALUES ($1, $2, $3, $4, $5)");
        insert.Parameters.Add(new() { Value = TicketRow.Utc(entry.At), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new() { Value = entry.Actor ?? "" });
        insert.Parameters.Add(new() { Value = entry.Action ?? "" });
        insert.Parameters.Add(new() { Value = entry.Subject ?? "" });
        insert.Parameters.Add(new() { Value = entry.Detail ?? "" });
        insert.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> Recent(int take = 50) => Read($"SELECT {Columns} FROM audit ORDER BY at DESC, seq DESC LIMIT $1", take);

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> Recent(string action, int take = 20) =>
        Read($"SELECT {Columns} FROM audit WHERE action = $2 ORDER BY at DESC, seq DESC LIMIT $1", take, action);

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> RecentStartingWith(string actionPrefix, int take = 50) =>
        Read($"SELECT {Columns} FROM audit WHERE action LIKE $2 ORDER BY at DESC, seq DESC LIMIT $1", take, Like(actionPrefix) + "%");

    // The prefix taken literally: % and _ in it match only themselves.
    private static string Like(string text) => text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_");

    private List<AuditEntry> Read(string sql, int take, string? text = null)
    {
        using var read = database.CreateCommand(sql);
        read.Parameters.Add(new() { Value = Math.Max(0, take) });
        if (text is not null) read.Parameters.Add(new() { Value = text });
        var entries = new List<AuditEntry>();
        using var r = read.ExecuteReader();
        while (r.Read())
            entries.Add(new AuditEntry { At = r.GetDateTime(0), Actor = r.GetString(1), Action = r.GetString(2), Subject = r.GetString(3), Detail = r.GetString(4) });
        return entries;
    }
}
