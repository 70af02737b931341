using SmbBot.Core.Crm;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Knowledge;

public class KnowledgeBaseTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public KnowledgeBaseTests()
    {
        foreach (var intent in Intents.Required)
            _folder.Write($"knowledge/intents/{intent}.txt", string.Join('\n', Enumerable.Range(1, 6).Select(i => $"{intent} example {i}")));
    }

    private string Root => Path.Combine(_folder.Path, "knowledge");

    private const string FaqHeader = "id,question,answer,alternates,category\n";

    [Fact]
    public void Loads_csv_and_markdown_faq_intents_and_customers()
    {
        _folder.Write("knowledge/faq/a.csv", FaqHeader + "hours,When are you open?,\"9-5, every day\",opening times|What time do you open,store\n");
        _folder.Write("knowledge/faq/b.md", "Intro text.\n\n## Do you deliver?\nid: delivery\nalternates: shipping | postage\n\nYes, anywhere in the UK.\nSecond line.\n");
        _folder.Write("knowledge/crm/customers.csv", string.Join(',', CustomerCsvLoader.Header) + "\nC-1,Ann Lee,ann@example.com,+44 1,,gold,12.50,1,2026-01-31,likes tents\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(["hours", "delivery"], kb.Faq.Select(f => f.Id));
        Assert.Equal("9-5, every day", kb.Faq[0].Answer);
        Assert.Equal(["opening times", "What time do you open"], kb.Faq[0].Alternates);
        Assert.Equal("general", kb.Faq[1].Category);
        Assert.Equal("Yes, anywhere in the UK.\nSecond line.", kb.Faq[1].Answer.ReplaceLineEndings("\n"));
        Assert.Equal(["shipping", "postage"], kb.Faq[1].Alternates);
        Assert.Equal(Intents.Required.Count * 6, kb.Intents.Count);
        var ann = Assert.Single(kb.Customers);
        Assert.Equal((CustomerTier.Gold, 12.50m, 1, new DateOnly(2026, 1, 31)), (ann.Tier, ann.LifetimeValue, ann.OpenOrders, ann.LastContact));
    }

    [Fact]
    public void The_content_hash_changes_when_the_faq_changes_and_only_then()
    {
        var file = _folder.Write("knowledge/faq/a.csv", FaqHeader + "hours,When are you open?,9-5,,\n");
        var first = KnowledgeBase.Load(Root).ContentHash;
        Assert.Equal(first, KnowledgeBase.Load(Root).ContentHash);

        File.WriteAllText(file, FaqHeader + "hours,When are you open?,9-6,,\n");

        Assert.NotEqual(first, KnowledgeBase.Load(Root).ContentHash);
    }

    [Theory]
    [InlineData("faq/a.csv", "id,question,answer\nx,y,z\n", "knowledge/faq/a.csv line 1: the header is 'id,question,answer'")]
    [InlineData("faq/a.csv", FaqHeader + "ok,Q?,A,,\nbad id!,Q2?,A,,\n", "knowledge/faq/a.csv line 3: the id 'bad id!'")]
    [InlineData("faq/a.csv", FaqHeader + "x,Q?,,,\n", "knowledge/faq/a.csv line 2: the entry 'x' has no answer")]
    [InlineData("faq/a.csv", FaqHeader + "x,Q?,A,b,c,d\n", "knowledge/faq/a.csv line 2: expected 5 fields but found 6")]
    [InlineData("faq/a.csv", FaqHeader + "x,Q?,A,,\nx,Q2?,B,,\n", "the id 'x' is already used at knowledge/faq/a.csv line 2")]
    [InlineData("faq/a.csv", FaqHeader + "x,Same question?,A,,\ny,Other?,B,same question,\n", "'same question' is also a question of 'x'")]
    [InlineData("faq/b.md", "## Question without id\n\nAnswer.\n", "knowledge/faq/b.md line 1: the entry 'Question without id' has no 'id:' line")]
    [InlineData("intents/weather.txt", "a\nb\nc\nd\ne\n", "knowledge/intents/weather.txt: 'weather' is not an intent")]
    [InlineData("intents/human.txt", "person please\n", "'human' has 1 examples; at least 5")]
    public void A_bad_file_is_reported_with_file_line_and_reason(string file, string content, string expected)
    {
        if (!file.StartsWith("faq/")) _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/" + file, content);

        var e = Assert.Throws<KnowledgeFileException>(() => KnowledgeBase.Load(Root));

        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("C-1,Ann,not-an-email,,,gold,1,0,,", "'not-an-email' is not an e-mail address")]
    [InlineData("C-1,Ann,ann@example.com,,,diamond,1,0,,", "tier 'diamond' must be one of")]
    [InlineData("C-1,Ann,ann@example.com,,,gold,\"1,5\",0,,", "lifetime_value '1,5' must be a number")]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,-1,,", "open_orders '-1' must be a whole number")]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,0,31/01/2026,", "last_contact '31/01/2026' must be a date")]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,0,,\nC-2,Bob,ANN@example.com,,,gold,1,0,,", "line 3: the e-mail address 'ANN@example.com' is used twice")]
    public void A_bad_customer_row_is_reported(string rows, string expected)
    {
        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/crm/customers.csv", string.Join(',', CustomerCsvLoader.Header) + "\n" + rows + "\n");

        var e = Assert.Throws<KnowledgeFileException>(() => KnowledgeBase.Load(Root));

        Assert.Contains("knowledge/crm/customers.csv line", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void A_missing_intent_or_empty_faq_folder_is_reported()
    {
        File.Delete(Path.Combine(Root, "intents", "urgent.txt"));
        Assert.Contains("there is no FAQ file", Assert.Throws<KnowledgeFileException>(() => KnowledgeBase.Load(Root)).Message);

        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        Assert.Contains("no examples for urgent", Assert.Throws<KnowledgeFileException>(() => KnowledgeBase.Load(Root)).Message);
    }

    [Fact]
    public void The_shipped_sample_knowledge_loads()
    {
        var kb = KnowledgeBase.Load(Path.Combine(RepoRoot.Path, "knowledge"));

        Assert.True(kb.Faq.Count >= 40, $"{kb.Faq.Count} FAQ entries");
        Assert.True(kb.Customers.Count >= 25, $"{kb.Customers.Count} customers");
        Assert.All(kb.Customers, c => Assert.EndsWith("@example.com", c.Email));
    }

    public void Dispose() => _folder.Dispose();
}
