using System.Text;
using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.UnitTests.KnowledgeEditing;

/// <summary>Writing a stored version's files into a knowledge folder: exactly those files, never outside the folder.</summary>
public class KnowledgeFolderWriteTests
{
    [Theory]
    [InlineData("faq/shop.csv", true)]
    [InlineData("intents/greeting.txt", true)]
    [InlineData("golden.csv", true)]
    [InlineData("faq/../smbbot.db", false)]
    [InlineData("../golden.csv", false)]
    [InlineData("/etc/passwd", false)]
    [InlineData("faq/sub/shop.csv", false)]
    [InlineData("crm/customers.csv", false)]
    [InlineData("faq\\shop.csv", false)]
    [InlineData("business.json", false)]
    public void Only_the_versioned_files_paths_can_be_written(string path, bool allowed) =>
        Assert.Equal(allowed, KnowledgeFolder.IsVersionedPath(path));

    [Fact]
    public void Writing_files_replaces_changed_ones_removes_other_versioned_ones_and_keeps_the_rest_with_the_same_fingerprint()
    {
        using var folder = new TempFolder();
        folder.Write("faq/shop.csv", "old");
        folder.Write("faq/old.md", "gone");
        folder.Write("crm/customers.csv", "kept");
        var files = new Dictionary<string, byte[]> { ["faq/shop.csv"] = Encoding.UTF8.GetBytes("new"), ["golden.csv"] = [1, 2, 3] };

        KnowledgeFolder.Write(files, folder.Path);

        Assert.Equal(["faq/shop.csv", "golden.csv"], KnowledgeFolder.Files(folder.Path));
        Assert.Equal("new", File.ReadAllText(Path.Combine(folder.Path, "faq", "shop.csv")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(folder.Path, "crm", "customers.csv")));
        Assert.Equal(KnowledgeFolder.Fingerprint(files), KnowledgeFolder.Fingerprint(folder.Path));
    }
}
