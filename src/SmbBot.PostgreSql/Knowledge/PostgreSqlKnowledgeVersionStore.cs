using Npgsql;
using NpgsqlTypes;
using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.PostgreSql.Knowledge;

/// <summary>
/// The knowledge versions in PostgreSQL (table <c>knowledge_versions</c>, a row per version with its files' paths and
/// contents as arrays), shared by every host. A new version's number is taken under a lock on the table that only writers of versions take (readers
/// go on), so numbers have no gaps and two hosts publishing at once get two numbers.
/// </summary>
public sealed class PostgreSqlKnowledgeVersionStore(NpgsqlDataSource database) : IKnowledgeVersionStore
{
    private const string Columns = "number, by_whom, at, summary, fingerprint";

    /// <inheritdoc/>
    public bool Shared => true;

    /// <inheritdoc/>
    public IReadOnlyList<KnowledgeVersion> List()
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM knowledge_versions ORDER BY number DESC");
        return ReadAll(read);
    }

    /// <inheritdoc/>
    public KnowledgeVersion? Get(int number)
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM knowledge_versions WHERE number = $1");
        read.Parameters.Add(new() { Value = number });
        return ReadAll(read).SingleOrDefault();
    }

    /// <inheritdoc/>
    public KnowledgeVersion? Newest()
    {
        using var read = database.CreateCommand($"SELECT {Columns} FROM knowledge_versions ORDER BY number DESC LIMIT 1");
        return ReadAll(read).SingleOrDefault();
    }

    /// <inheritdoc/>
    public KnowledgeVersion Add(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at) =>
        Write(files, by, summary, at, Keep.Always).Version;

    /// <inheritdoc/>
    public (KnowledgeVersion Version, bool Added) AddChanged(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at) =>
        Write(files, by, summary, at, Keep.UnlessNewest);

    /// <inheritdoc/>
    public KnowledgeVersion AddFirst(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at) =>
        Write(files, by, summary, at, Keep.OnlyFirst).Version;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, byte[]>? Files(int number)
    {
        using var read = database.CreateCommand("SELECT paths, contents FROM knowledge_versions WHERE number = $1");
        read.Parameters.Add(new() { Value = number });
        using var reader = read.ExecuteReader();
        if (!reader.Read()) return null;
        var (paths, contents) = (reader.GetFieldValue<string[]>(0), reader.GetFieldValue<byte[][]>(1));
        return paths.Select((p, i) => (p, contents[i])).ToDictionary(f => f.p, f => f.Item2, StringComparer.Ordinal);
    }

    /// <inheritdoc/>
    public void Import(KnowledgeVersion version, IReadOnlyDictionary<string, byte[]> files)
    {
        KnowledgeVersionImport.Ensure(version, files);
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Lock(connection);
        using var exists = new NpgsqlCommand("SELECT 1 FROM knowledge_versions WHERE number = $1", connection) { Parameters = { new() { Value = version.Number } } };
        if (exists.ExecuteScalar() is not null) throw new InvalidOperationException($"there is already a knowledge version {version.Number}");
        Insert(connection, version, files);
        transaction.Commit();
    }

    private enum Keep { Always, OnlyFirst, UnlessNewest }

    private (KnowledgeVersion Version, bool Added) Write(IReadOnlyDictionary<string, byte[]> files, string by, string summary, DateTime at, Keep keep)
    {
        KnowledgeFolder.EnsureVersionedPaths(files);
        using var connection = database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Lock(connection);
        using var newest = new NpgsqlCommand($"SELECT {Columns} FROM knowledge_versions ORDER BY number DESC LIMIT 1", connection);
        var found = ReadAll(newest).SingleOrDefault();
        var fingerprint = KnowledgeFolder.Fingerprint(files);
        if (found is not null && (keep == Keep.OnlyFirst || (keep == Keep.UnlessNewest && found.Fingerprint == fingerprint))) return (found, false);
        var version = new KnowledgeVersion((found?.Number ?? 0) + 1, by, DateTime.SpecifyKind(at, DateTimeKind.Utc), summary, fingerprint);
        Insert(connection, version, files);
        transaction.Commit();
        return (version, true);
    }

    /// <summary>Conflicts with itself only: one writer of versions at a time, readers unaffected.</summary>
    private static void Lock(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("LOCK TABLE knowledge_versions IN SHARE ROW EXCLUSIVE MODE", connection);
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Writes <paramref name="version"/> and its files as one row on <paramref name="connection"/>, inside whatever
    /// transaction is open on it (moving a whole installation in one transaction); checks nothing: callers check with
    /// <see cref="KnowledgeVersionImport.Ensure"/> first.
    /// </summary>
    public static void Insert(NpgsqlConnection connection, KnowledgeVersion version, IReadOnlyDictionary<string, byte[]> files)
    {
        var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        using var insert = new NpgsqlCommand("""
            INSERT INTO knowledge_versions (number, by_whom, at, summary, fingerprint, paths, contents) VALUES ($1, $2, $3, $4, $5, $6, $7)
            """, connection);
        insert.Parameters.Add(new() { Value = version.Number });
        insert.Parameters.Add(new() { Value = version.By });
        insert.Parameters.Add(new() { Value = DateTime.SpecifyKind(version.At, DateTimeKind.Utc), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        insert.Parameters.Add(new() { Value = version.Summary });
        insert.Parameters.Add(new() { Value = version.Fingerprint });
        insert.Parameters.Add(new() { Value = ordered.Select(f => f.Key).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new() { Value = ordered.Select(f => f.Value).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.ExecuteNonQuery();
    }

    private static KnowledgeVersion[] ReadAll(NpgsqlCommand command)
    {
        using var reader = command.ExecuteReader();
        var found = new List<KnowledgeVersion>();
        while (reader.Read())
            found.Add(new KnowledgeVersion(reader.GetInt32(0), reader.GetString(1), reader.GetFieldValue<DateTime>(2), reader.GetString(3), reader.GetString(4)));
        return [.. found];
    }
}
