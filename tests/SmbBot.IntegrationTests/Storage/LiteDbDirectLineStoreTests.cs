using LiteDB;
using SmbBot.Bot.DirectLine;
using SmbBot.Core.DirectLine;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The Direct Line store contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbDirectLineStoreTests : DirectLineStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbDirectLineStoreTests() => _db = new LiteDatabase(Path.Combine(_folder, "dl.db")) { UtcDate = true };

    protected override IDirectLineStore Store(int conversationMb = 100, int totalMb = 1000, int maxHistory = 1000) =>
        new LiteDbDirectLineStore(_db, new DirectLineOptions { ConversationQuotaMegabytes = conversationMb, StorageQuotaMegabytes = totalMb, MaxHistory = maxHistory });

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
