using Npgsql;

namespace SmbBot.PostgreSql.Import;

/// <summary>
/// Writes a whole installation's data into an empty PostgreSQL database in ONE transaction: every table is filled by
/// binary COPY, the row counts are checked against what was written, the ticket number sequence and the identity
/// columns are moved past the highest id, and only then is the transaction committed. Anything that fails before
/// <see cref="Commit"/> leaves the database as it was (empty tables of the current schema).
/// </summary>
public sealed partial class PostgreSqlImport : IDisposable
{
    /// <summary>
    /// Every table of the schema that holds an installation's data, in the order they are filled. The import refuses
    /// a database in which any of them has a row.
    /// </summary>
    public static IReadOnlyList<string> DataTables { get; } =
    [
        "tickets", "conversations", "dl_conversations", "dl_activities", "staff_accounts", "teams", "outbox", "mail_inbox", "audit",
        "insight_conversations", "insight_days", "insight_weeks", "insight_week_days", "insight_unanswered", "insight_inbox_changes",
        "faq_phrasings", "knowledge_versions",
    ];

    /// <summary>
    /// Tables of the schema that are not moved, and why: what they hold exists only while a host runs, or is moved by
    /// the work that owns it. A table in neither list makes the migration tests fail.
    /// </summary>
    public static IReadOnlyDictionary<string, string> NotMoved { get; } = new Dictionary<string, string>
    {
        ["schema_version"] = "written by the schema migrator",
        ["sign_in_failures"] = "on LiteDB the sign-in slow-down is kept in memory only",
        ["job_runs"] = "on LiteDB one host runs every job; there is nothing recorded to move",
    };

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly Dictionary<string, long> _written = [];

    private PostgreSqlImport(NpgsqlConnection connection, NpgsqlTransaction transaction) =>
        (_connection, _transaction) = (connection, transaction);

    /// <summary>Opens a connection and begins the import's transaction.</summary>
    public static PostgreSqlImport Begin(NpgsqlDataSource database)
    {
        var connection = database.OpenConnection();
        try
        {
            return new PostgreSqlImport(connection, connection.BeginTransaction());
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The tables of <see cref="DataTables"/> that exist in <paramref name="database"/> and hold rows, with their counts
    /// (empty: the database may receive an import). Read before the schema is migrated, so a refusal writes nothing.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Occupied(NpgsqlDataSource database)
    {
        var found = new Dictionary<string, long>();
        using var connection = database.OpenConnection();
        foreach (var table in DataTables)
        {
            using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection) { Parameters = { new() { Value = "public." + table } } };
            if (!(bool)exists.ExecuteScalar()!) continue;
            using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            if ((long)count.ExecuteScalar()! is var n and > 0) found[table] = n;
        }
        return found;
    }

    /// <summary>Rows written so far, per table.</summary>
    public IReadOnlyDictionary<string, long> Written => _written;

    /// <summary>
    /// Checks that every table holds exactly the rows written into it (<see cref="InvalidOperationException"/> names
    /// the first that does not), moves the ticket numbers and the identity columns past the highest id, and commits.
    /// </summary>
    public void Commit()
    {
        foreach (var table in DataTables)
        {
            using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", _connection, _transaction);
            var found = (long)count.ExecuteScalar()!;
            var written = _written.GetValueOrDefault(table);
            if (found != written) throw new InvalidOperationException($"table {table} holds {found} rows after the import, not the {written} written; nothing was committed");
        }
        // The next ticket is numbered after the highest moved; identity columns likewise after their highest id.
        Execute("SELECT setval('ticket_numbers', coalesce((SELECT max(id) FROM tickets), 0) + 1, false)");
        Execute("SELECT setval(pg_get_serial_sequence('insight_unanswered', 'id'), coalesce((SELECT max(id) FROM insight_unanswered), 0) + 1, false)");
        Execute("SELECT setval(pg_get_serial_sequence('insight_inbox_changes', 'id'), coalesce((SELECT max(id) FROM insight_inbox_changes), 0) + 1, false)");
        _transaction.Commit();
    }

    /// <summary>Rolls back whatever was written (also what <see cref="Dispose"/> does before a commit).</summary>
    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private void Execute(string sql)
    {
        using var command = new NpgsqlCommand(sql, _connection, _transaction);
        command.ExecuteNonQuery();
    }

    /// <summary>Fills <paramref name="table"/> from <paramref name="rows"/> with one binary COPY; returns the rows written.</summary>
    private long Copy<T>(string table, string columns, IEnumerable<T> rows, Action<NpgsqlBinaryImporter, T> write)
    {
        long n = 0;
        using (var copy = _connection.BeginBinaryImport($"COPY {table} ({columns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var row in rows)
            {
                write(copy, row);
                n++;
            }
            copy.Complete();
        }
        _written[table] = _written.GetValueOrDefault(table) + n;
        return n;
    }
}
