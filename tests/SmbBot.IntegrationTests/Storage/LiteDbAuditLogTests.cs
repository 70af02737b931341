using LiteDB;
using SmbBot.Core.Privacy;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The audit log contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbAuditLogTests : AuditLogContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbAuditLogTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "a.db")) { UtcDate = true };
        Log = new LiteDbAuditLog(_db);
    }

    protected override IAuditLog Log { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
