using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.UnitTests.Insight;

public sealed class KnowledgeFolderFaqWriterTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _root;
    private readonly KnowledgeFolderFaqWriter _writer;

    public KnowledgeFolderFaqWriterTests()
    {
        _root = Path.Combine(_folder.Path, "knowledge");
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot.Path, "knowledge"), "*", SearchOption.AllDirectories))
            _folder.Write(Path.Combine("knowledge", Path.GetRelativePath(Path.Combine(RepoRoot.Path, "knowledge"), file)), File.ReadAllText(file));
        _writer = new KnowledgeFolderFaqWriter(_root);
    }

    public void Dispose() => _folder.Dispose();

    private FaqEntry Entry(string id) => KnowledgeBase.Load(_root).Faq.Single(f => f.Id == id);

    [Fact]
    public void Adds_alternates_to_a_csv_entry_and_leaves_every_other_line_alone()
    {
        var csv = Path.Combine(_root, "faq", "shop.csv");
        var before = File.ReadAllLines(csv);

        var where = _writer.AddAlternates("store-hours", ["till what time r u open", "When are you open", "open late | thursdays?"]);

        Assert.Equal(Path.Combine("knowledge", "faq", "shop.csv"), where);
        Assert.Contains("till what time r u open", Entry("store-hours").Alternates);
        Assert.Contains("open late / thursdays?", Entry("store-hours").Alternates);
        Assert.Single(Entry("store-hours").Alternates, a => a == "When are you open");   // already there: not added twice
        var after = File.ReadAllLines(csv);
        Assert.Equal(before.Length, after.Length);
        Assert.Equal(1, before.Zip(after).Count(p => p.First != p.Second));
        Assert.Equal(KnowledgeBase.Load(Path.Combine(RepoRoot.Path, "knowledge")).Faq.Count, KnowledgeBase.Load(_root).Faq.Count);
    }

    [Fact]
    public void Adds_alternates_to_a_markdown_entry()
    {
        _writer.AddAlternates("gift-wrapping", ["do u wrap gifts"]);

        Assert.Contains("do u wrap gifts", Entry("gift-wrapping").Alternates);
        Assert.Contains("Gift wrap", Entry("gift-wrapping").Alternates);
        Assert.Empty(KnowledgeBase.Load(_root).Problems);
    }

    [Fact]
    public void Writes_a_new_entry_the_bot_reads_and_refuses_a_duplicate_id()
    {
        var where = _writer.AddEntry(new FaqEntry("", "Do you tune grandfather clocks?", "No, but Tick & Co on Queen Street do.",
            ["can you tune my grandfather clock", "grandfather clock repair"], "services", ""));

        Assert.Equal(Path.Combine("knowledge", "faq", KnowledgeFolderFaqWriter.NewEntriesFile), where);
        var entry = KnowledgeBase.Load(_root).Faq.Single(f => f.Question == "Do you tune grandfather clocks?");
        Assert.Equal("No, but Tick & Co on Queen Street do.", entry.Answer);
        Assert.Equal(["can you tune my grandfather clock", "grandfather clock repair"], entry.Alternates);
        var again = Assert.Throws<KnowledgeFileException>(() => _writer.AddEntry(entry with { Id = entry.Id }));
        Assert.Contains("already an entry", again.Message);
    }

    [Fact]
    public void Refuses_an_unknown_entry_or_an_empty_answer_and_writes_nothing()
    {
        var files = Directory.GetFiles(_root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText);

        Assert.Throws<KnowledgeFileException>(() => _writer.AddAlternates("no-such-entry", ["x"]));
        Assert.Throws<KnowledgeFileException>(() => _writer.AddEntry(new FaqEntry("", "A question?", "  ", [], "", "")));

        Assert.Equal(files, Directory.GetFiles(_root, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText));
    }
}
