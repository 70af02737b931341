using System.Text;
using CsCheck;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Hostile;

/// <summary>
/// Generated FAQ, CRM and intent files, from plausible exports with hostile cells to raw bytes: the knowledge folder
/// loads with its problems listed, or refuses with <see cref="KnowledgeFileException"/> (one clear message), and never
/// fails any other way.
/// </summary>
public class KnowledgeFileFuzzTests
{
    private const string FaqHeader = "id,question,answer,alternates,category";
    private const string CrmHeader = "id,name,email,phone,company,tier,lifetime_value,open_orders,last_contact,notes";

    private static readonly Gen<string> CsvFile = Gen.Select(Gen.OneOf(FaqHeader, CrmHeader, "question;answer", "Question\tAnswer\tSource\tMetadata", ""),
        HostileText.Row.Array[0, 30], Gen.OneOf("\n", "\r\n", "\r"), (header, rows, newline) => header + newline + string.Join(newline, rows));

    private static readonly Gen<string> MarkdownFile = Gen.Select(HostileText.Text.Array[0, 12], HostileText.Text.Array[0, 12],
        (questions, answers) => string.Concat(questions.Zip(answers, (q, a) => $"## {q}\n{(q.Length % 2 == 0 ? "id: " + a + "\n" : "")}\n{a}\n\n")));

    /// <summary>One knowledge folder: each file as text or raw bytes.</summary>
    private static readonly Gen<(string Path, byte[] Content)[]> Folder = Gen.Select(
        Gen.OneOf(CsvFile.Select(Encoding.UTF8.GetBytes), HostileText.Bytes),
        Gen.OneOf(MarkdownFile.Select(Encoding.UTF8.GetBytes), HostileText.Bytes),
        Gen.OneOf(CsvFile.Select(Encoding.UTF8.GetBytes), HostileText.Bytes),
        Gen.OneOf(HostileText.Text.Array[0, 20].Select(l => Encoding.UTF8.GetBytes(string.Join('\n', l))), HostileText.Bytes),
        (faqCsv, faqMd, crm, intent) => new[] { ("faq/faq.csv", faqCsv), ("faq/more.md", faqMd), ("crm/customers.csv", crm), ("intents/human.txt", intent) });

    [Fact]
    public void A_generated_knowledge_folder_loads_or_is_refused_with_a_clear_message()
    {
        int loaded = 0, refused = 0;
        Folder.Sample(files =>
        {
            using var folder = new TempFolder();
            foreach (var (path, content) in files)
            {
                var full = Path.Combine(folder.Path, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, content);
            }
            try
            {
                var kb = KnowledgeBase.Load(folder.Path);
                Assert.NotEmpty(kb.Faq);
                Assert.All(kb.Faq, f => Assert.False(string.IsNullOrWhiteSpace(f.Question) || string.IsNullOrWhiteSpace(f.Answer)));
                Assert.All(kb.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.ToString())));
                loaded++;
            }
            catch (KnowledgeFileException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                Assert.DoesNotContain("   at ", e.Message);
                refused++;
            }
        }, iter: 250, threads: 1);
        // The generator must reach both outcomes, or it tests only one reader path.
        Assert.True(loaded > 10 && refused > 10, $"loaded {loaded}, refused {refused}");
    }

    [Fact]
    public void Generated_intent_lines_parse_into_examples_or_problems()
    {
        HostileText.Text.Array[0, 40].Sample(lines =>
        {
            var problems = new List<KnowledgeProblem>();
            var examples = IntentFileLoader.Parse("human", lines, "intents/human.txt", problems);
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Text)));
        }, iter: 100, threads: 1);
    }
}
