using SmbBot.Core.KnowledgeFiles;
using SmbBot.Understanding;

namespace SmbBot.UnitTests.KnowledgeEditing;

/// <summary>A publish reuses the classifier exactly when what it learns from (questions and intent examples) did not change.</summary>
public class TrainingSetKeyTests
{
    private static string KeyOf(string csv)
    {
        using var folder = new TempFolder();
        folder.Write("faq/shop.csv", csv);
        return KnowledgeBuilder.TrainingSetKey(KnowledgeBase.Load(folder.Path));
    }

    private const string Shop = "id,question,answer,alternates,category\nparking,Can I park?,Yes.,Where can I park,store\n";

    [Fact]
    public void An_answer_or_category_edit_keeps_the_training_set() =>
        Assert.Equal(KeyOf(Shop), KeyOf(Shop.Replace("Yes.", "Yes: 35 spaces.").Replace(",store", ",visits")));

    [Theory]
    [InlineData("Where can I park", "Where can I park|Is parking free")]
    [InlineData("Can I park?", "May I park?")]
    public void A_question_or_alternate_edit_changes_it(string before, string after) =>
        Assert.NotEqual(KeyOf(Shop), KeyOf(Shop.Replace(before, after)));
}
