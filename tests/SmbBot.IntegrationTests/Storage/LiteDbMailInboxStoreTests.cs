using LiteDB;
using SmbBot.Core.CustomerMail;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The handled e-mails contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbMailInboxStoreTests : MailInboxStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbMailInboxStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "m.db")) { UtcDate = true };
        Store = new LiteDbMailInboxStore(_db);
    }

    protected override IMailInboxStore Store { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
