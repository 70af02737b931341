using LiteDB;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.Knowledge.VectorStore;
using SmbBot.Understanding;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The FAQ phrasings contract on a LiteDB file, opened as the host opens it.</summary>
public sealed class LiteDbFaqCollectionTests : FaqCollectionContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;

    public LiteDbFaqCollectionTests() => _db = new LiteDatabase(Path.Combine(_folder, "f.db")) { UtcDate = true };

    protected override FaqPhrasingCollection Open() => new LiteDbFaqCollection(_db, UnderstandingServiceCollectionExtensions.FaqCollectionName);

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
