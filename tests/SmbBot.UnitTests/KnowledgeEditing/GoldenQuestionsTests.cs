using SmbBot.Core.KnowledgeEditing;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.UnitTests.KnowledgeEditing;

public class GoldenQuestionsTests
{
    [Fact]
    public void Golden_questions_round_trip_through_golden_csv_with_commas_and_quotes()
    {
        using var folder = new TempFolder();
        GoldenQuestions.Save(folder.Path, [new("Where, exactly, do I \"park\"?", "parking"), new("I want a human", GoldenQuestions.Person)]);
        Assert.Equal([new("Where, exactly, do I \"park\"?", "parking"), new("I want a human", GoldenQuestions.Person)], GoldenQuestions.Load(folder.Path));
    }

    [Fact]
    public void A_golden_file_with_the_wrong_header_is_refused_naming_the_file()
    {
        using var folder = new TempFolder();
        folder.Write("golden.csv", "q,a\nhi,there\n");
        var e = Assert.Throws<KnowledgeFileException>(() => GoldenQuestions.Load(folder.Path));
        Assert.Contains("golden.csv", e.Message);
    }

    [Fact]
    public void The_fingerprint_changes_with_any_versioned_file_and_ignores_the_crm_export()
    {
        using var folder = new TempFolder();
        folder.Write("faq/a.csv", "question,answer\nQ?,A.\n");
        var first = KnowledgeFolder.Fingerprint(folder.Path);
        folder.Write("crm/customers.csv", "email\nx@example.org\n");
        Assert.Equal(first, KnowledgeFolder.Fingerprint(folder.Path));
        folder.Write("golden.csv", "question,expected\nQ?,q\n");
        Assert.NotEqual(first, KnowledgeFolder.Fingerprint(folder.Path));
        Assert.Equal(["faq/a.csv", "golden.csv"], KnowledgeFolder.Files(folder.Path));
    }
}
