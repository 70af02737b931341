using Microsoft.Extensions.AI;
using Npgsql;
using NpgsqlTypes;
using SmbBot.Knowledge.VectorStore;

namespace SmbBot.PostgreSql.Faq;

/// <summary>
/// The FAQ phrasings in PostgreSQL (table <c>faq_phrasings</c>, the vector as <c>real[]</c>), searched in memory by the
/// same code as on LiteDB. Every host reads the table when it starts and again on <see cref="FaqPhrasingCollection.Reload"/>
/// (at the start of each publish), so a publish on one host reaches another at that host's next publish or start.
/// </summary>
public sealed class PostgreSqlFaqCollection : FaqPhrasingCollection
{
    private readonly NpgsqlDataSource _database;

    /// <summary>The table, also the collection's name.</summary>
    public const string TableName = "faq_phrasings";

    /// <param name="keywordWeight">Share of the hybrid score that comes from keyword coverage (0 to 1).</param>
    public PostgreSqlFaqCollection(NpgsqlDataSource database,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null, double keywordWeight = 0.3)
        : base(TableName, generator, keywordWeight)
    {
        _database = database;
        Reload();
    }

    /// <inheritdoc/>
    protected override IEnumerable<FaqPhrasingRecord> ReadStored()
    {
        using var read = _database.CreateCommand("SELECT key, faq_id, kind, text, text_hash, vector FROM faq_phrasings");
        using var reader = read.ExecuteReader();
        var found = new List<FaqPhrasingRecord>();
        while (reader.Read())
        {
            found.Add(new FaqPhrasingRecord
            {
                Key = reader.GetString(0), FaqId = reader.GetString(1), Kind = reader.GetString(2), Text = reader.GetString(3),
                TextHash = reader.GetString(4), Vector = reader.GetFieldValue<float[]>(5),
            });
        }
        return found;
    }

    /// <inheritdoc/>
    protected override void WriteStored(IReadOnlyList<FaqPhrasingRecord> records)
    {
        if (records.Count == 0) return;
        using var connection = _database.OpenConnection();
        using var transaction = connection.BeginTransaction();
        using var batch = new NpgsqlBatch(connection, transaction);
        // In key order: two hosts writing the same keys take the row locks in the same order and never deadlock.
        foreach (var r in records.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var upsert = new NpgsqlBatchCommand("""
                INSERT INTO faq_phrasings (key, faq_id, kind, text, text_hash, vector) VALUES ($1, $2, $3, $4, $5, $6)
                ON CONFLICT (key) DO UPDATE SET faq_id = $2, kind = $3, text = $4, text_hash = $5, vector = $6, updated_at = now()
                """);
            upsert.Parameters.Add(new() { Value = r.Key });
            upsert.Parameters.Add(new() { Value = r.FaqId });
            upsert.Parameters.Add(new() { Value = r.Kind });
            upsert.Parameters.Add(new() { Value = r.Text });
            upsert.Parameters.Add(new() { Value = r.TextHash });
            upsert.Parameters.Add(new() { Value = r.Vector.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Real });
            batch.BatchCommands.Add(upsert);
        }
        batch.ExecuteNonQuery();
        transaction.Commit();
    }

    /// <inheritdoc/>
    protected override void DeleteStored(IReadOnlyList<string> keys)
    {
        using var delete = _database.CreateCommand("DELETE FROM faq_phrasings WHERE key = ANY($1)");
        delete.Parameters.Add(new() { Value = keys.ToArray() });
        delete.ExecuteNonQuery();
    }

    /// <inheritdoc/>
    protected override void DeleteAllStored()
    {
        using var delete = _database.CreateCommand("DELETE FROM faq_phrasings");
        delete.ExecuteNonQuery();
    }
}
