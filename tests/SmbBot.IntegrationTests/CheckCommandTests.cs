using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The check verb on the sample shop, on broken knowledge with a conflict, and on a folder that is not there.</summary>
public class CheckCommandTests : IDisposable
{
    // Lines 3, 5, 6 and 7 cannot be used; lines 8 and 9 ask the same thing with different answers.
    private const string BrokenFaq = """
        question,answer
        What are your opening hours?,"Monday to Saturday 9:00-17:30."
        Do you deliver on Sundays?,
        Where is the shop?,"12 Harbour Street, Portsmouth."
        What are your opening hours?,"We are open every day."
        How much is delivery?,£4.95,free over £50
        ,"An answer without a question."
        Can I return an item?,"Yes, within 30 days with the receipt."
        How do I return an item?,"Post it back to us with the returns form from the box."
        Do you sell gift cards?,"Yes, from £10 in the shop and online."

        """;

    private const string BrokenMarkdown = """
        ## Do you repair tents?
        id: tent-repairs

        ## Do you hire out kayaks?
        id: kayak-hire

        Yes, from £25 a day.
        """;

    private readonly string _folder = RepoPaths.NewTempFolder();
    private string Knowledge => Path.Combine(_folder, "knowledge");
    private string Data => Path.Combine(_folder, "data");

    private Task<(int ExitCode, string Output, string Errors)> Check(params string[] args) =>
        HostProcess.RunAsync(new Dictionary<string, string> { ["Storage__DataPath"] = Data }, TimeSpan.FromSeconds(120), ["check", .. args]);

    private void WriteBrokenKnowledge()
    {
        RepoPaths.Copy(Path.Combine(RepoPaths.Knowledge, "intents"), Path.Combine(Knowledge, "intents"));
        Directory.CreateDirectory(Path.Combine(Knowledge, "faq"));
        File.WriteAllText(Path.Combine(Knowledge, "faq", "shop.csv"), BrokenFaq.ReplaceLineEndings("\n"));
        File.WriteAllText(Path.Combine(Knowledge, "faq", "more.md"), BrokenMarkdown.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Broken_knowledge_lists_every_problem_with_its_file_and_line_and_the_conflict_and_exits_1()
    {
        WriteBrokenKnowledge();
        // The host runs in the temp folder: a relative --knowledge is taken from there.
        var relative = Path.GetRelativePath(Path.GetTempPath(), Knowledge);

        var (exitCode, output, errors) = await Check("--knowledge", relative);

        Assert.True(exitCode == 1, output + errors);
        Assert.Contains("knowledge/faq/shop.csv line 3: 'Do you deliver on Sundays?' has no answer", output);
        Assert.Contains("knowledge/faq/shop.csv line 5: 'What are your opening hours?' is already a question of 'what-are-your-opening-hours'", output);
        Assert.Contains("knowledge/faq/shop.csv line 6: 3 values but the header has 2 columns", output);
        Assert.Contains("knowledge/faq/shop.csv line 7: the row has no question", output);
        Assert.Contains("knowledge/faq/more.md line 1: the entry 'tent-repairs' has no answer", output);
        Assert.Matches(@"'can-i-return-an-item' \(knowledge/faq/shop.csv line 8\)[^\n]*\n\s+and 'how-do-i-return-an-item' \(knowledge/faq/shop.csv line 9\)", output);
        Assert.Contains("Entries with only their question (6 of 6)", output);
        Assert.Contains("Routing thresholds this knowledge would get", output);
        Assert.EndsWith("5 problems to fix", output.TrimEnd());
        Assert.False(Directory.Exists(Data), "the check must not create or touch the data folder");
    }

    [Fact]
    public async Task Json_has_a_list_for_each_section()
    {
        WriteBrokenKnowledge();

        var (exitCode, output, errors) = await Check("--knowledge", Knowledge, "--json");

        Assert.True(exitCode == 1, output + errors);
        var result = JsonNode.Parse(output)!;
        var problems = result["problems"]!.AsArray();
        Assert.Equal(5, problems.Count);
        Assert.Equal(5, (int)result["problemCount"]!);
        Assert.Contains(problems, p => (string?)p!["file"] == Path.Combine("knowledge", "faq", "shop.csv") && (int)p["line"]! == 3);
        var conflict = Assert.Single(result["conflicts"]!.AsArray())!;
        Assert.Equal(("can-i-return-an-item", "how-do-i-return-an-item"), ((string?)conflict["first"]!["id"], (string?)conflict["second"]!["id"]));
        Assert.InRange((double)conflict["similarity"]!, 0.85, 1);
        Assert.NotNull(result["confusions"]!.AsArray());
        Assert.Equal(6, result["thinEntries"]!.AsArray().Count);
        Assert.Equal(["MinIntentConfidence", "MinHandoverConfidence", "AnswerScore", "ClarifyScore"],
            result["thresholds"]!.AsArray().Select(t => (string?)t!["setting"]));
        Assert.Null(result["fatal"]);
    }

    [Fact]
    public async Task The_sample_shop_has_nothing_to_fix_and_gets_calibrated_thresholds()
    {
        var (exitCode, output, errors) = await Check();

        Assert.True(exitCode == 0, output + errors);
        Assert.Contains("47 FAQ entries", output);
        Assert.Contains("Problems in the files: none", output);
        Assert.Contains("Routing thresholds this knowledge would get", output);
        foreach (var setting in new[] { "MinIntentConfidence", "MinHandoverConfidence", "AnswerScore", "ClarifyScore" })
            Assert.Matches($@"{setting} +\d\.\d\d  target \d+ ?% right; calibrated: ", output);
        Assert.EndsWith("Nothing to fix", output.TrimEnd());
        Assert.False(Directory.Exists(Data), "the check must not create or touch the data folder");
    }

    [Fact]
    public async Task A_missing_folder_is_one_clear_line_and_exit_code_1()
    {
        var missing = Path.Combine(_folder, "nowhere");

        var (exitCode, output, errors) = await Check("--knowledge", missing);

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Equal($"error: {missing}: the knowledge folder does not exist (set Knowledge:Path)", errors.Trim());
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);
}
