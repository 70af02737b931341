using LiteDB;
using SmbBot.Core.Outbox;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The outbox contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbOutboxStoreTests : OutboxStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbOutboxStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "o.db")) { UtcDate = true };
        Store = new LiteDbOutboxStore(_db);
    }

    protected override IOutboxStore Store { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
