using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeEditing;

namespace SmbBot.UnitTests.KnowledgeEditing;

public class FaqDiffTests
{
    private static FaqEntry Entry(string id, string answer, params string[] alternates) => new(id, $"Question {id}?", answer, alternates, "general", "x");

    [Fact]
    public void Lists_entries_added_removed_and_changed_with_the_fields_that_changed()
    {
        var changes = FaqDiff.Compare(
            [Entry("a", "Open 9 to 5."), Entry("b", "Yes."), Entry("c", "No.")],
            [Entry("a", "Open 9 to 6."), Entry("c", "No.", "C?"), Entry("d", "New.")]);

        Assert.Equal(["a", "b", "c", "d"], changes.Select(c => c.Id));
        Assert.Equal(["answer"], changes[0].Fields);
        Assert.Null(changes[1].After);
        Assert.Equal(["alternates"], changes[2].Fields);
        Assert.Null(changes[3].Before);
    }

    [Theory]
    [InlineData("Open 9 to 5 daily.", "Open 9 to 6 daily.", "=Open 9 to|-5|+6|=daily.")]
    [InlineData("Yes.", "Yes. Free parking too.", "=Yes.|+Free parking too.")]
    [InlineData("a b c", "", "-a b c")]
    public void A_word_diff_marks_runs_kept_removed_and_added(string before, string after, string expected) =>
        Assert.Equal(expected, string.Join("|", FaqDiff.Words(before, after).Select(w => w.Kind + w.Text)));
}
