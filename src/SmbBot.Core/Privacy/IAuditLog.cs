namespace SmbBot.Core.Privacy;

/// <summary>
/// The audit log of admin actions, privacy and settings; append-only. LiteDB (<see cref="LiteDbAuditLog"/>) or
/// PostgreSQL.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends an entry.</summary>
    void Add(AuditEntry entry);

    /// <summary>The newest entries first.</summary>
    IReadOnlyList<AuditEntry> Recent(int take = 50);

    /// <summary>The newest entries of one action first.</summary>
    IReadOnlyList<AuditEntry> Recent(string action, int take = 20);

    /// <summary>The newest entries whose action starts with <paramref name="actionPrefix"/> first.</summary>
    IReadOnlyList<AuditEntry> RecentStartingWith(string actionPrefix, int take = 50);
}
