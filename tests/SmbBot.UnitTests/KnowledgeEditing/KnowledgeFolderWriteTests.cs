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
    [InlineData("languages.json", true)]
    [InlineData("intents/../languages.json", false)]
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

    [Fact]
    public void The_languages_file_is_versioned_so_an_edit_of_it_alone_changes_the_fingerprint()
    {
        using var folder = new TempFolder();
        folder.Write("faq/shop.csv", "id,question,answer\nparking,Is there parking?,Yes\n");
        folder.Write("crm/customers.csv", "id,name\n");
        var without = KnowledgeFolder.Fingerprint(folder.Path);
        folder.Write("languages.json", """{ "es": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A" } }""");
        var with = KnowledgeFolder.Fingerprint(folder.Path);
        folder.Write("languages.json", """{ "es": { "served": "S2", "notServed": "N", "askEmail": "E", "added": "A" } }""");

        Assert.Equal(["faq/shop.csv", "languages.json"], KnowledgeFolder.Files(folder.Path));
        Assert.Equal(3, new[] { without, with, KnowledgeFolder.Fingerprint(folder.Path) }.Distinct().Count());

        // A version without the file (recorded before it existed) written back removes it: the built-in texts serve.
        using var target = new TempFolder();
        KnowledgeFolder.Mirror(folder.Path, target.Path);
        Assert.Equal(KnowledgeFolder.Fingerprint(folder.Path), KnowledgeFolder.Fingerprint(target.Path));
        KnowledgeFolder.Write(new Dictionary<string, byte[]> { ["faq/shop.csv"] = File.ReadAllBytes(Path.Combine(folder.Path, "faq", "shop.csv")) }, target.Path);
        Assert.False(File.Exists(Path.Combine(target.Path, "languages.json")));
    }
}
