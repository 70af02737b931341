using SmbBot.Core.KnowledgeEditing;
using SmbBot.Host.Configuration;
using SmbBot.Host.KnowledgeEditor;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The knowledge version store contract on one host's data folder (<c>data/knowledge-versions/&lt;n&gt;/</c>), as on LiteDB.</summary>
public sealed class FileKnowledgeVersionStoreTests : KnowledgeVersionStoreContract, IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly FileKnowledgeVersionStore _store;

    public FileKnowledgeVersionStoreTests()
    {
        _store = new FileKnowledgeVersionStore(new SmbBotPaths(_folder, Path.Combine(_folder, "knowledge"), _folder, Path.Combine(_folder, "backups")));
        Store = _store;
    }

    protected override IKnowledgeVersionStore Store { get; }

    [Fact]
    public void Each_version_is_a_folder_of_its_files_with_version_json_and_a_folder_without_it_is_ignored()
    {
        var kept = Store.Add(Files("20 spaces"), "a", "b", At);
        Directory.CreateDirectory(Path.Combine(_store.Folder, "2", "faq"));

        Assert.Equal(File.ReadAllBytes(Path.Combine(_store.Folder, "1", "faq", "shop.csv")), Files("20 spaces")["faq/shop.csv"]);
        Assert.True(File.Exists(Path.Combine(_store.Folder, "1", "version.json")));
        Assert.Equal([kept], Store.List());
        Assert.Equal(3, Store.Add(Files("x"), "a", "b", At).Number);
        Assert.False(Store.Shared);
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);
}
