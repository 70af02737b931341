using LiteDB;
using SmbBot.Core.Insight;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The insight contracts on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbInsightStoreTests : UnansweredStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbInsightStoreTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "i.db")) { UtcDate = true };
        (Store, Unanswered, Changes) = (new LiteDbInsightStore(_db), new LiteDbUnansweredStore(_db), new LiteDbInboxChangeStore(_db));
    }

    protected override IInsightStore Store { get; }

    protected override IUnansweredStore Unanswered { get; }

    protected override IInboxChangeStore Changes { get; }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
