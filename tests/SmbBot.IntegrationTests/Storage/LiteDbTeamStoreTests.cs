using LiteDB;
using SmbBot.Core.Teams;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The team store contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbTeamStoreTests : TeamStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbTeamStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "t.db")) { UtcDate = true };
        Store = new LiteDbTeamStore(_db);
    }

    protected override ITeamStore Store { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
