using LiteDB;
using SmbBot.Core.Staff;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The staff account store contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbStaffAccountStoreTests : StaffAccountStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbStaffAccountStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "s.db")) { UtcDate = true };
        Store = new LiteDbStaffAccountStore(_db);
    }

    protected override IStaffAccountStore Store { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
