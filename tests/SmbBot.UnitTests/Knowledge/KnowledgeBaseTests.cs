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
    private const string CrmHeader = "id,name,email,phone,company,tier,lifetime_value,open_orders,last_contact,notes";

    [Fact]
    public void Loads_csv_and_markdown_faq_intents_and_customers()
    {
        _folder.Write("knowledge/faq/a.csv", FaqHeader + "hours,When are you open?,\"9-5, every day\",opening times|What time do you open,store\n");
        _folder.Write("knowledge/faq/b.md", "Intro text.\n\n## Do you deliver?\nid: delivery\nalternates: shipping | postage\n\nYes, anywhere in the UK.\nSecond line.\n");
        _folder.Write("knowledge/crm/customers.csv", CrmHeader + "\nC-1,Ann Lee,ann@example.com,+44 1,,gold,12.50,1,2026-01-31,likes tents\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(["hours", "delivery"], kb.Faq.Select(f => f.Id));
        Assert.Equal("9-5, every day", kb.Faq[0].Answer);
        Assert.Equal(["opening times", "What time do you open"], kb.Faq[0].Alternates);
        Assert.Equal("general", kb.Faq[1].Category);
        Assert.Equal("Yes, anywhere in the UK.\nSecond line.", kb.Faq[1].Answer.ReplaceLineEndings("\n"));
        Assert.Equal(["shipping", "postage"], kb.Faq[1].Alternates);
        Assert.Equal(BuiltInIntents.Load().Examples.Count + Intents.Required.Count * 6, kb.Intents.Count);
        var ann = Assert.Single(kb.Customers);
        Assert.Equal(("gold", 12.50m, 1, new DateOnly(2026, 1, 31)), (ann.Tier, ann.LifetimeValue, ann.OpenOrders, ann.LastContact));
    }

    [Fact]
    public void The_replies_in_other_languages_are_read_with_the_faq()
    {
        _folder.Write("knowledge/faq/a.csv", FaqHeader + "hours,When are you open?,9-5,,\n");
        Assert.Same(Core.Languages.LanguageTexts.BuiltIn, KnowledgeBase.Load(Root).Languages);

        _folder.Write("knowledge/languages.json", """{ "es": { "served": "Le responderán (ticket {ticket}).", "notServed": "N", "askEmail": "E", "added": "A" } }""");
        var kb = KnowledgeBase.Load(Root);

        Assert.Equal("Le responderán (ticket {ticket}).", kb.Languages.For("es")!.Served);
        Assert.Empty(kb.Problems);
    }

    [Fact]
    public void A_languages_file_that_cannot_be_used_is_listed_and_the_built_in_texts_serve()
    {
        _folder.Write("knowledge/faq/a.csv", FaqHeader + "hours,When are you open?,9-5,,\n");
        _folder.Write("knowledge/languages.json", """{ "sv": { "served": "S", "notServed": "N", "askEmail": "E", "added": "A" } }""");

        var kb = KnowledgeBase.Load(Root);

        Assert.Same(Core.Languages.LanguageTexts.BuiltIn, kb.Languages);
        Assert.Equal(["hours"], kb.Faq.Select(f => f.Id));
        var problem = Assert.Single(kb.Problems);
        Assert.Equal("knowledge/languages.json", problem.File);
        Assert.Contains("'sv' is not a language the bot recognises", problem.Reason);
        Assert.EndsWith("the built-in texts are used", problem.Reason);
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
    [InlineData("faq/a.csv", "id,text,reply\nx,y,z\n", "knowledge/faq/a.csv line 1: the header must name a question column and an answer column")]
    [InlineData("faq/a.csv", FaqHeader + "ok2,Q?,A,,\nbad id!,Q2?,A,,\n", "knowledge/faq/a.csv line 3: the id 'bad id!'")]
    [InlineData("faq/a.csv", FaqHeader + "x,Q?,,,\n", "knowledge/faq/a.csv line 2: 'Q?' has no answer; row left out")]
    [InlineData("faq/a.csv", FaqHeader + "x,Q?,A,b,c,d\n", "knowledge/faq/a.csv line 2: 6 values but the header has 5 columns")]
    [InlineData("faq/a.csv", FaqHeader + "x,Q?,A,,\nx,Q2?,B,,\n", "the id 'x' is already used at knowledge/faq/a.csv line 2; entry left out")]
    [InlineData("faq/a.csv", FaqHeader + "x,Same question?,A,,\ny,Other?,B,same question,\n", "'same question' is also a question of 'x'")]
    [InlineData("faq/a.csv", FaqHeader + "x,\"open,A,,\n", "a quoted value is never closed")]
    [InlineData("intents/weather.txt", "a\nb\nc\nd\ne\n", "knowledge/intents/weather.txt: 'weather' is not an intent")]
    [InlineData("intents/human.txt", "person please\n", "'human' has 1 examples; at least 5")]
    public void A_bad_row_or_file_is_reported_with_file_line_and_reason_and_the_rest_is_served(string file, string content, string expected)
    {
        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/" + file, content);

        var kb = KnowledgeBase.Load(Root);

        Assert.Contains(kb.Problems, p => p.ToString().Contains(expected));
        Assert.Contains(kb.Faq, f => f.Id == "ok");
    }

    [Fact]
    public void Every_broken_row_is_reported_at_once()
    {
        _folder.Write("knowledge/faq/a.csv", FaqHeader + "a,Q1?,A1,,\nb,,A2,,\nc,Q3?,,,\nd,Q4?,A4,,\nbad id!,Q5?,A5,,\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(["a", "d"], kb.Faq.Select(f => f.Id));
        Assert.Equal([3, 4, 6], kb.Problems.Select(p => p.Line));
    }

    [Fact]
    public void Nothing_usable_stops_the_start_with_every_reason()
    {
        _folder.Write("knowledge/faq/a.csv", FaqHeader + "a,,A1,,\nb,Q2?,,,\n");

        var e = Assert.Throws<KnowledgeFileException>(() => KnowledgeBase.Load(Root));

        Assert.Contains("no usable FAQ entry", e.Message);
        Assert.Contains("line 2: the row has no question", e.Message);
        Assert.Contains("line 3: 'Q2?' has no answer", e.Message);
    }

    [Fact]
    public void A_spreadsheet_faq_needs_only_question_and_answer_columns()
    {
        _folder.Write("knowledge/faq/sheet.csv", "\uFEFFQuestion;Answer;Topic;Also asked as\r\nOpening hours;Mon-Fri 8-6.;visits;When are you open?\r\n" +
            "\"How much is a check-up; with x-rays?\";\"£45; x-rays £20.\r\nAsk at reception.\";prices;\r\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Empty(kb.Problems);
        Assert.Equal(["opening-hours", "how-much-is-a-check-up-with-x-rays"], kb.Faq.Select(f => f.Id));
        Assert.Equal("visits", kb.Faq[0].Category);
        Assert.Equal(["When are you open?"], kb.Faq[0].Alternates);
        Assert.Equal("£45; x-rays £20.\r\nAsk at reception.", kb.Faq[1].Answer);
    }

    [Fact]
    public void A_qna_maker_export_becomes_one_entry_per_answer()
    {
        _folder.Write("knowledge/faq/qna.tsv", "Question\tAnswer\tSource\tMetadata\n" +
            "How do I reset my password?\tUse 'Forgot password' on the sign-in page.\\nThe link lasts 1 hour.\tEditorial\tcategory:account\n" +
            "I forgot my password\tUse 'Forgot password' on the sign-in page.\\nThe link lasts 1 hour.\tEditorial\tcategory:account\n" +
            "Do you offer refunds?\tWithin 30 days.\thttps://example.com/help\t\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(2, kb.Faq.Count);
        var reset = kb.Faq[0];
        Assert.Equal(("How do I reset my password?", "account"), (reset.Question, reset.Category));
        Assert.Equal(["I forgot my password"], reset.Alternates);
        Assert.Equal("Use 'Forgot password' on the sign-in page.\nThe link lasts 1 hour.", reset.Answer);
        Assert.Equal("general", kb.Faq[1].Category);
    }

    [Fact]
    public void Markdown_entries_need_no_id()
    {
        _folder.Write("knowledge/faq/b.md", "## Do you have parking?\n\nYes, 20 spaces.\n\n## Can I bring my dog?\n- On a lead\n- Not in the pool area\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(["do-you-have-parking", "can-i-bring-my-dog"], kb.Faq.Select(f => f.Id));
        Assert.Equal("- On a lead\n- Not in the pool area", kb.Faq[1].Answer.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("C-1,Ann,not-an-email,,,gold,1,0,,", "'not-an-email' is not an e-mail address; the customer is kept without one", 1)]
    [InlineData(",Ann,,,,gold,1,0,,", "line 2: the row has no customer id and no e-mail address; row left out", 0)]
    [InlineData("C-1,Ann,ann@example.com,,,gold,abc,0,,", "lifetime value 'abc' is not a number; left empty", 1)]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,-1,,", "open orders '-1' is not a whole number; left empty", 1)]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,0,31/01/2026,", "last contact '31/01/2026' is not a date", 1)]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,0,,\nC-2,Bob,ANN@example.com,,,gold,1,0,,", "line 3: the e-mail address 'ANN@example.com' is already used on line 2; row left out", 1)]
    [InlineData("C-1,Ann,ann@example.com,,,gold,1,0,,\nC-1,Bob,bob@example.com,,,gold,1,0,,", "line 3: the id 'C-1' is already used on line 2; row left out", 1)]
    public void A_bad_customer_row_is_reported_and_the_rest_kept(string rows, string expected, int kept)
    {
        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/crm/customers.csv", CrmHeader + "\n" + rows + "\n");

        var kb = KnowledgeBase.Load(Root);

        var problem = Assert.Single(kb.Problems);
        Assert.StartsWith("knowledge/crm/customers.csv line", problem.ToString());
        Assert.Contains(expected, problem.ToString());
        Assert.Equal(kept, kb.Customers.Count);
    }

    [Fact]
    public void A_crm_export_is_taken_as_it_is()
    {
        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/crm/customers.csv", "\uFEFFCustomer ID;First Name;Last Name;Email;Phone Number;Company Name;Plan;Pet name;Next renewal\r\n" +
            "P-7;Ann;Lee;ann@example.com;;;insured;Biscuit;2027-01-31\r\n" +
            ";Bob;Marsh;bob@example.org;+44 7700 900123;\"Marsh; Sons\";self-pay;\"Rex\nand Tilly\";\r\n" +
            ";No;Contact;;;;member;;\r\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(["P-7", "bob@example.org"], kb.Customers.Select(c => c.Id));
        var ann = kb.Customers[0];
        Assert.Equal(("Ann Lee", "insured"), (ann.Name, ann.Tier));
        Assert.Equal(new Dictionary<string, string> { ["Pet name"] = "Biscuit", ["Next renewal"] = "2027-01-31" }, ann.CustomFields);
        Assert.Equal(("Marsh; Sons", "self-pay", "Rex\nand Tilly"), (kb.Customers[1].Company, kb.Customers[1].Tier, kb.Customers[1].CustomFields["Pet name"]));
        Assert.Equal(5, Assert.Single(kb.Problems).Line);
    }

    [Fact]
    public void Customers_without_an_email_and_repeated_columns_are_kept()
    {
        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/crm/customers.csv", "Customer ID,Name,Phone,Tag,Tag,Total spent\nC1,Ann,555,vip,local,\"$1,234\"\nC2,Bob,556,,,\"1.234,50\"\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Equal(["C1", "C2"], kb.Customers.Select(c => c.Id));
        Assert.Equal(new Dictionary<string, string> { ["Tag"] = "vip", ["Tag (2)"] = "local" }, kb.Customers[0].CustomFields);
        Assert.Equal((1234m, 1234.50m), (kb.Customers[0].LifetimeValue, kb.Customers[1].LifetimeValue));
        Assert.Null(new CsvCustomerDirectory(kb.Customers).FindByEmail(""));
        Assert.Equal("Ann", new CsvCustomerDirectory(kb.Customers).FindById("c1")!.Name);
    }

    [Fact]
    public void An_id_the_file_gives_wins_over_one_made_from_a_question()
    {
        _folder.Write("knowledge/faq/a.csv", "question,answer\nReturns,Within 30 days.\nDo you deliver on Sundays?,No.\nDo you take cheques?,No.\n");
        _folder.Write("knowledge/faq/b.md", "## How do I send something back?\nid: returns\n\nUse the returns form.\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.Empty(kb.Problems);
        Assert.Equal("How do I send something back?", kb.Faq.Single(f => f.Id == "returns").Question);
        Assert.Equal("Returns", kb.Faq.Single(f => f.Id == "returns-2").Question);
        Assert.Equal(4, kb.Faq.Count); // two rows answering "No." stay two entries in a plain spreadsheet
    }

    [Fact]
    public void The_column_map_names_columns_an_export_calls_otherwise()
    {
        _folder.Write("knowledge/faq/ok.csv", FaqHeader + "ok,Fine?,Yes,,\n");
        _folder.Write("knowledge/crm/customers.csv", "Patient No,Owner,Contact e-mail,Cover\nV-1,Ann Lee,ann@example.com,insured\n");

        var kb = KnowledgeBase.Load(Root, new Dictionary<string, string> { ["id"] = "Patient No", ["name"] = "Owner", ["email"] = "Contact e-mail", ["tier"] = "Cover", ["phone"] = "Mobile" });

        var ann = Assert.Single(kb.Customers);
        Assert.Equal(("V-1", "Ann Lee", "ann@example.com", "insured"), (ann.Id, ann.Name, ann.Email, ann.Tier));
        Assert.Contains("Crm:Columns:phone names the column 'Mobile', which the header does not have", Assert.Single(kb.Problems).Reason);
    }

    [Fact]
    public void Without_an_faq_file_the_start_stops()
    {
        Assert.Contains("there is no FAQ file", Assert.Throws<KnowledgeFileException>(() => KnowledgeBase.Load(Root)).Message);
    }

    [Fact]
    public void The_built_in_intents_need_no_intent_files()
    {
        Directory.Delete(Path.Combine(Root, "intents"), recursive: true);
        _folder.Write("knowledge/faq/ok.csv", "question,answer\nFine?,Yes\n");

        var kb = KnowledgeBase.Load(Root);

        Assert.All(Intents.Required, i => Assert.True(kb.Intents.Count(e => e.Intent == i) >= 40, $"{i}: {kb.Intents.Count(e => e.Intent == i)}"));
        Assert.Empty(kb.Problems);
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
