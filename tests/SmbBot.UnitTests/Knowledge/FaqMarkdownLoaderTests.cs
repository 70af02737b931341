using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.UnitTests.Knowledge;

public class FaqMarkdownLoaderTests
{
    private static IReadOnlyList<FaqEntry> Load(string markdown, List<KnowledgeProblem>? problems = null)
    {
        using var folder = new TempFolder();
        var path = System.IO.Path.Combine(folder.Path, "faq.md");
        File.WriteAllText(path, markdown);
        return FaqMarkdownLoader.Load(path, "faq/faq.md", problems ?? []);
    }

    [Fact]
    public void Other_ways_of_asking_written_as_owners_write_them_are_alternates_not_answer_text()
    {
        var entries = Load("""
            # Our pharmacy - frequently asked questions
            Ask us anything else in store.

            ## Do you deliver prescriptions?
            Also asked: Can you bring my medicine to my house?
            Yes, free within 5 miles, Monday to Friday.

            ## Can I get a flu jab?
            **Also asked:** Do you do flu vaccinations? | Is the flu jab free?
            Other ways to ask: flu shot without appointment; flu jab for kids
            Yes, from September; walk in or book online.

            ## What are your opening hours?
            Alternates: When are you open?
            Category: Visiting
            8:30-18:00 on weekdays. Also asked: nothing, this line is part of the answer.
            """);

        Assert.Equal(["Can you bring my medicine to my house?"], entries[0].Alternates);
        Assert.Equal("Yes, free within 5 miles, Monday to Friday.", entries[0].Answer);
        Assert.Equal(["Do you do flu vaccinations?", "Is the flu jab free?", "flu shot without appointment", "flu jab for kids"], entries[1].Alternates);
        Assert.Equal("Yes, from September; walk in or book online.", entries[1].Answer);
        Assert.Equal(["When are you open?"], entries[2].Alternates);
        Assert.Equal("Visiting", entries[2].Category);
        Assert.StartsWith("8:30-18:00 on weekdays. Also asked:", entries[2].Answer);
    }

    [Fact]
    public void An_answer_that_starts_like_a_label_is_still_the_answer()
    {
        var entries = Load("""
            ## Do you sell sun cream?
            Note: we stock SPF 15 to 50 all year.
            """);
        Assert.Equal("Note: we stock SPF 15 to 50 all year.", entries[0].Answer);
        Assert.Empty(entries[0].Alternates);
    }
}
