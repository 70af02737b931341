using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The eval verb on tiny datasets of the real formats: it keeps working, and bad data gets a clear error.</summary>
public class EvalCommandTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();

    private async Task<(int ExitCode, string Output, string Errors)> Eval(params string[] args) =>
        await HostProcess.RunAsync(new Dictionary<string, string> { ["Storage__DataPath"] = _folder }, TimeSpan.FromSeconds(120), ["eval", .. args]);

    [Fact]
    public async Task Banking77_format_is_trained_and_scored()
    {
        var intents = new Dictionary<string, string[]>
        {
            ["card_arrival"] = ["where is my new card", "my card has not arrived", "when will my card come", "card still not delivered", "how long for my card to arrive", "I am still waiting on my card"],
            ["lost_card"] = ["I lost my card", "my card is missing", "I can't find my card", "someone stole my card", "card was stolen", "I misplaced my card"],
            ["exchange_rate"] = ["what is the exchange rate", "how much is a dollar in euros", "currency conversion rate", "what rate do you use for euros", "exchange rate for pounds", "how are rates calculated"],
        };
        File.WriteAllText(Path.Combine(_folder, "train.csv"), "text,category\n" + string.Join("\n", intents.SelectMany(i => i.Value.Take(5).Select(t => $"\"{t}\",{i.Key}"))));
        File.WriteAllText(Path.Combine(_folder, "test.csv"), "text,category\n" + string.Join("\n", intents.Select(i => $"\"{i.Value[5]}\",{i.Key}")));

        var (exitCode, output, errors) = await Eval("banking77", "--data", _folder);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("embedded", output);
        var result = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
        Assert.Equal("banking77", (string?)result["dataset"]);
        Assert.Equal(3, (int)result["examples"]!);
        Assert.InRange((double)result["accuracy"]!, 0.66, 1);
        Assert.InRange((double)result["macroF1"]!, 0, 1);
        Assert.NotNull(result["seconds"]);
    }

    [Fact]
    public async Task Stackfaq_format_is_indexed_and_scored()
    {
        File.WriteAllText(Path.Combine(_folder, "stackExchange-FAQ.xml"), """
            <root>
            <qapair><rephr>How can I cross out text on github?</rephr><rephr>*</rephr><question>Strikethrough with GitHub Markdown</question><answer>Use ~~tildes~~.</answer></qapair>
            <qapair><rephr>How do I remove my facebook account?</rephr><question>How do I delete my Facebook account?</question><answer>Go to settings and choose delete.</answer></qapair>
            </root>
            """);

        var (exitCode, output, errors) = await Eval("stackfaq", "--data", _folder);

        Assert.True(exitCode == 0, errors);
        var result = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
        Assert.Equal((2, 1.0, 1.0), ((int)result["examples"]!, (double)result["top1"]!, (double)result["mrr"]!));
    }

    [Theory]
    [InlineData("banking77", "train.csv does not exist")]
    [InlineData("stackfaq", "stackExchange-FAQ.xml does not exist")]
    [InlineData("weather", "unknown dataset 'weather'")]
    public async Task Missing_data_names_the_file(string dataset, string message)
    {
        var (exitCode, _, errors) = await Eval(dataset, "--data", _folder);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, errors);
    }

    [Fact]
    public async Task A_malformed_file_is_named_with_its_line()
    {
        File.WriteAllText(Path.Combine(_folder, "train.csv"), "text,label\nhello,greeting\n");

        var (exitCode, _, errors) = await Eval("banking77", "--data", _folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("train.csv line 1: the header is 'text,label' but must be 'text,category'", errors);
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
