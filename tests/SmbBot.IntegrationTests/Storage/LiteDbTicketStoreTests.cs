using LiteDB;
using SmbBot.Core.Tickets;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The ticket store contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbTicketStoreTests : TicketStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbTicketStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "t.db")) { UtcDate = true };
        Store = new LiteDbTicketStore(_db);
    }

    protected override ITicketStore Store { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
