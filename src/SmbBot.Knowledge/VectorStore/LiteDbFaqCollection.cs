using System.Runtime.InteropServices;
using LiteDB;
using Microsoft.Extensions.AI;

namespace SmbBot.Knowledge.VectorStore;

/// <summary>The FAQ phrasings kept in a LiteDB collection (the default store; also the in-memory copy a publish builds aside).</summary>
public sealed class LiteDbFaqCollection : FaqPhrasingCollection
{
    private readonly ILiteCollection<StoredPhrasing> _stored;

    /// <param name="keywordWeight">Share of the hybrid score that comes from keyword coverage (0 to 1).</param>
    public LiteDbFaqCollection(ILiteDatabase database, string name,
        IEmbeddingGenerator<string, Embedding<float>>? generator = null, double keywordWeight = 0.3)
        : base(name, generator, keywordWeight)
    {
        _stored = database.GetCollection<StoredPhrasing>(name);
        _stored.EnsureIndex(x => x.FaqId);
        _stored.EnsureIndex(x => x.TextHash);
        Reload();
    }

    /// <summary>Builds LiteDB's mapping of the stored document type (see the host's start-up).</summary>
    public static void WarmUpMapping(BsonMapper mapper) => mapper.ToDocument(new StoredPhrasing());

    /// <summary>Every phrasing stored in collection <paramref name="name"/>, read without writing anything (no index is made), for the move to PostgreSQL.</summary>
    public static IEnumerable<FaqPhrasingRecord> ReadAll(ILiteDatabase database, string name) =>
        database.GetCollection<StoredPhrasing>(name).FindAll().Select(s => s.ToRecord());

    /// <inheritdoc/>
    protected override IEnumerable<FaqPhrasingRecord> ReadStored() => _stored.FindAll().Select(s => s.ToRecord());

    /// <inheritdoc/>
    protected override void WriteStored(IReadOnlyList<FaqPhrasingRecord> records) => _stored.Upsert(records.Select(StoredPhrasing.From));

    /// <inheritdoc/>
    protected override void DeleteStored(IReadOnlyList<string> keys)
    {
        foreach (var key in keys) _stored.Delete(key);
    }

    /// <inheritdoc/>
    protected override void DeleteAllStored() => _stored.DeleteAll();

    /// <summary>The LiteDB document: the vector is kept as raw bytes (compact and fast to load).</summary>
    internal sealed class StoredPhrasing
    {
        [BsonId] public string Id { get; set; } = "";
        public string FaqId { get; set; } = "";
        public string Kind { get; set; } = FaqPhrasingRecord.Question;
        public string Text { get; set; } = "";
        public string TextHash { get; set; } = "";
        public byte[] Vector { get; set; } = [];

        public static StoredPhrasing From(FaqPhrasingRecord r) => new()
        {
            Id = r.Key, FaqId = r.FaqId, Kind = r.Kind, Text = r.Text, TextHash = r.TextHash,
            Vector = MemoryMarshal.AsBytes(r.Vector.Span).ToArray(),
        };

        public FaqPhrasingRecord ToRecord() => new()
        {
            Key = Id, FaqId = FaqId, Kind = Kind, Text = Text, TextHash = TextHash,
            Vector = MemoryMarshal.Cast<byte, float>(Vector).ToArray(),
        };
    }
}
