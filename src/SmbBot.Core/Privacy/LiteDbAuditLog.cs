using LiteDB;

namespace SmbBot.Core.Privacy;

/// <summary>One audited admin action. Keeps who, when, what and counts, never the customer's data itself.</summary>
public sealed class AuditEntry
{
    [BsonId] public ObjectId Id { get; set; } = ObjectId.NewObjectId();
    public DateTime At { get; set; }
    public string Actor { get; set; } = "";
    /// <summary><c>export</c>, <c>erase</c>, <c>settings</c>, or a knowledge change (<c>knowledge-edit</c>, <c>knowledge-publish</c>, ...).</summary>
    public string Action { get; set; } = "";
    /// <summary>A one-way fingerprint of the e-mail address or id searched for (<see cref="PersonalDataSubject.Fingerprint"/>).</summary>
    public string Subject { get; set; } = "";
    public string Detail { get; set; } = "";
}

/// <summary>The audit log in LiteDB (collection <c>audit</c>); append-only.</summary>
public sealed class LiteDbAuditLog : IAuditLog
{
    private readonly ILiteCollection<AuditEntry> _entries;

    public LiteDbAuditLog(ILiteDatabase database)
    {
        _entries = database.GetCollection<AuditEntry>("audit");
        _entries.EnsureIndex(e => e.At);
    }

    /// <inheritdoc/>
    public void Add(AuditEntry entry) => _entries.Insert(entry);

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> Recent(int take = 50) => _entries.Query().OrderByDescending(e => e.At).Limit(take).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> Recent(string action, int take = 20) =>
        _entries.Query().Where(e => e.Action == action).OrderByDescending(e => e.At).Limit(take).ToList();

    /// <inheritdoc/>
    public IReadOnlyList<AuditEntry> RecentStartingWith(string actionPrefix, int take = 50) =>
        _entries.Query().Where(e => e.Action.StartsWith(actionPrefix)).OrderByDescending(e => e.At).Limit(take).ToList();
}
