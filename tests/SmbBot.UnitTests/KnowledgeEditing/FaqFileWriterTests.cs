using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.UnitTests.KnowledgeEditing;

/// <summary>The editor writes entries back into the business's own file and format, and reads back what it wrote.</summary>
public class FaqFileWriterTests
{
    private static IReadOnlyList<FaqEntry> Read(string path) =>
        path.EndsWith(".md") ? FaqMarkdownLoader.Load(path, Path.GetFileName(path), []) : FaqCsvLoader.Load(path, Path.GetFileName(path), []);

    [Fact]
    public void A_semicolon_csv_keeps_its_separator_columns_and_the_values_of_columns_the_bot_does_not_read()
    {
        using var folder = new TempFolder();
        var path = folder.Write("faq/shop.csv", "Key;Question;Answer;Owner;Topic\nhours;When are you open?;From 9 to 5;Kim;store\nparking;Can I park?;Yes, behind the shop;Lee;store\n");
        var entries = Read(path).ToList();
        entries[1] = entries[1] with { Answer = "Yes; 35 spaces, \"free\"\nfor 3 hours", Alternates = ["Where can I park"] };
        entries.Add(new FaqEntry("returns", "Can I return an item?", "Within 30 days.", [], "orders", "new"));

        FaqFileWriter.Write(path, entries);

        var text = File.ReadAllText(path);
        Assert.StartsWith("Key;Question;Answer;Owner;Topic;alternates\n", text);
        Assert.Contains("hours;When are you open?;From 9 to 5;Kim;store;", text);
        var back = Read(path);
        Assert.Equal(["hours", "parking", "returns"], back.Select(e => e.Id));
        Assert.Equal("Yes; 35 spaces, \"free\"\nfor 3 hours", back[1].Answer);
        Assert.Equal(["Where can I park"], back[1].Alternates);
        Assert.Contains(";Lee;", text);
        Assert.Equal("orders", back[2].Category);
    }

    [Fact]
    public void A_markdown_file_keeps_its_introduction_and_reads_back_the_same_entries()
    {
        using var folder = new TempFolder();
        var path = folder.Write("faq/more.md", "# Our answers\n\nEdited by the shop.\n\n## Do you gift wrap?\nid: gift-wrap\nalternates: Gift wrapping | Can you wrap it\ncategory: orders\n\nYes, for 2 pounds.\n");
        var entries = Read(path).Select(e => e with { Answer = "Yes, for 3 pounds.\n\nAsk at the till." }).ToArray();

        FaqFileWriter.Write(path, entries);

        Assert.StartsWith("# Our answers\n\nEdited by the shop.\n\n## Do you gift wrap?\nid: gift-wrap\n", File.ReadAllText(path));
        var back = Assert.Single(Read(path));
        Assert.Equal(("gift-wrap", "Yes, for 3 pounds.\n\nAsk at the till.", "orders"), (back.Id, back.Answer, back.Category));
        Assert.Equal(["Gift wrapping", "Can you wrap it"], back.Alternates);
    }

    [Fact]
    public void A_question_and_answer_export_is_written_beside_as_a_plain_csv_and_the_export_kept_unread()
    {
        using var folder = new TempFolder();
        var path = folder.Write("faq/qna.csv", "Question,Answer,Source,Metadata\nDo you deliver?,Yes within 5 days,Editorial,category:orders\nDelivery times,Yes within 5 days,Editorial,category:orders\n");
        var entries = Read(path).Select(e => e with { Answer = "Yes, within 3 days." }).ToArray();

        var written = FaqFileWriter.Write(path, entries);

        Assert.Equal(Path.Combine(folder.Path, "faq", "qna-edited.csv"), written);
        Assert.False(File.Exists(path));
        Assert.True(File.Exists(path + ".replaced"));
        var back = KnowledgeBase.Load(folder.Path).Faq;
        var entry = Assert.Single(back);
        Assert.Equal(("Yes, within 3 days.", "orders"), (entry.Answer, entry.Category));
        Assert.Equal(["Delivery times"], entry.Alternates);
    }
}
