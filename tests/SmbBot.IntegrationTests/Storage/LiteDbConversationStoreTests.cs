using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The conversation store contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbConversationStoreTests : ConversationStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbConversationStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "c.db")) { UtcDate = true };
        Store = new LiteDbConversationStore(_db);
    }

    protected override IConversationStore Store { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
