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
    public async Task Hint3_format_trains_the_whole_routing_and_prints_the_peers_beside_it()
    {
        string Csv(IEnumerable<(string Text, string Label)> rows) => "sentence,label\n" + string.Join("\n", rows.Select(r => $"\"{r.Text}\",{r.Label}"));
        (string, string)[] train =
        [
            ("do you offer EMI", "EMI"), ("can I pay in instalments", "EMI"), ("is there a monthly payment plan", "EMI"),
            ("EMI options available?", "EMI"), ("can I pay for the mattress monthly", "EMI"), ("do you have no cost EMI", "EMI"),
            ("what is the return policy", "RETURN"), ("can I return the mattress", "RETURN"), ("how do I send it back", "RETURN"),
            ("I want to return my order", "RETURN"), ("is there a free trial period to return", "RETURN"), ("return and refund policy", "RETURN"),
        ];
        File.WriteAllText(Path.Combine(_folder, "sofmattress_train.csv"), Csv(train));
        File.WriteAllText(Path.Combine(_folder, "sofmattress_test.csv"), Csv([
            ("do you offer EMI", "EMI"), ("can I return the mattress", "RETURN"),
            ("what is the capital of peru", "NO_NODES_DETECTED"), ("asdf qwerty", "NO_NODES_DETECTED")]));
        Directory.CreateDirectory(Path.Combine(_folder, "published_results"));
        File.WriteAllText(Path.Combine(_folder, "published_results", "rasa_sofmattress.csv"),
            "Threshold,Accuracy,Weighted F1,Inscope Accuracy,OOS Recall,MCC\n0.1,0.5,0.4,0.9,0.1,0.3\n0.5,0.6,0.5,0.6,0.6,0.4\n");

        var (exitCode, output, errors) = await Eval("hint3", "--data", _folder, "--bot", "sofmattress");

        Assert.True(exitCode == 0, errors);
        Assert.Contains("accuracy 0.600 (rasa at 0.5), MCC 0.400 (rasa at 0.5)", output);
        var result = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
        Assert.Equal(("hint3", "test", 4), ((string?)result["dataset"], (string?)result["split"], (int)result["sofmattress"]!["messages"]!));
        // The two exact training sentences are answered with their entries.
        Assert.InRange((double)result["sofmattress"]!["inScopeAccuracy"]!, 1, 1);
        Assert.InRange((double)result["sofmattress"]!["mcc"]!, -1, 1);
    }

    [Fact]
    public async Task Hint3_validation_split_scores_held_aside_sentences_and_clinc150_out_of_scope_ones_beside_the_data()
    {
        var hint3 = Directory.CreateDirectory(Path.Combine(_folder, "hint3")).FullName;
        var clinc = Directory.CreateDirectory(Path.Combine(_folder, "clinc150")).FullName;
        string[] emi = ["do you offer EMI", "can I pay in instalments", "is there a monthly payment plan", "EMI options available?", "can I pay for the mattress monthly"];
        string[] ret = ["what is the return policy", "can I return the mattress", "how do I send it back", "I want to return my order", "return and refund policy"];
        File.WriteAllText(Path.Combine(hint3, "sofmattress_train.csv"),
            "sentence,label\n" + string.Join("\n", emi.Select(t => $"\"{t}\",EMI").Concat(ret.Select(t => $"\"{t}\",RETURN"))));
        // No test file: the validation split must not need it.
        File.WriteAllText(Path.Combine(clinc, "data_full.json"),
            """{"oos_train": [["what is the capital of peru", "oos"]], "oos_val": [["how many planets are there", "oos"]], "oos_test": [["never used", "oos"]]}""");

        var (exitCode, output, errors) = await Eval("hint3", "--data", hint3, "--bot", "sofmattress", "--split", "validation");

        Assert.True(exitCode == 0, errors);
        // Two held-aside sentences (the fifth of each intent) and, at sofmattress's 166 of 397 out of scope, one out-of-scope one.
        Assert.Contains("scoring 3 messages (1 match no intent)", output);
        var result = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
        Assert.Equal(("validation", 3), ((string?)result["split"], (int)result["sofmattress"]!["messages"]!));
    }

    [Fact]
    public async Task Hint3_validation_split_without_clinc150_is_refused_naming_the_option()
    {
        var (exitCode, _, errors) = await Eval("hint3", "--data", _folder, "--split", "validation", "--clinc150", Path.Combine(_folder, "nowhere"));

        Assert.Equal(1, exitCode);
        Assert.Contains("nowhere does not exist (CLINC150's data_full.json", errors);
        Assert.Contains("--clinc150", errors);
    }

    [Fact]
    public async Task Hint3_with_an_unknown_bot_is_refused_with_the_names()
    {
        var (exitCode, _, errors) = await Eval("hint3", "--data", _folder, "--bot", "pizzashop");

        Assert.Equal(1, exitCode);
        Assert.Contains("--bot must be one of sofmattress, curekart, powerplay11, not 'pizzashop'", errors);
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

    [Fact]
    public async Task Clinc150_format_chooses_the_threshold_on_validation_with_the_bots_target()
    {
        string[] Rows(params (string Text, string Label)[] rows) => rows.Select(r => $"[\"{r.Text}\", \"{r.Label}\"]").ToArray();
        var train = new[]
        {
            ("what is my balance", "balance"), ("how much money do I have", "balance"), ("check my account balance", "balance"), ("tell me my balance", "balance"), ("balance in checking", "balance"),
            ("set an alarm for 7", "alarm"), ("wake me up at six", "alarm"), ("alarm for tomorrow morning", "alarm"), ("set my alarm", "alarm"), ("create an alarm at noon", "alarm"),
            ("what is the weather", "weather"), ("will it rain today", "weather"), ("forecast for tomorrow", "weather"), ("is it sunny outside", "weather"), ("how cold is it", "weather"),
        };
        var json = $$"""
            {
              "train": [{{string.Join(",", Rows(train))}}],
              "val": [{{string.Join(",", Rows(("how much is in my account", "balance"), ("set an alarm please", "alarm"), ("is it going to snow", "weather")))}}],
              "oos_val": [{{string.Join(",", Rows(("who won the football", "oos"), ("recipe for pancakes", "oos")))}}],
              "test": [{{string.Join(",", Rows(("my current balance", "balance"), ("alarm at 8 am", "alarm"), ("weather this weekend", "weather")))}}],
              "oos_test": [{{string.Join(",", Rows(("tell me a joke about cats", "oos"), ("how tall is everest", "oos")))}}]
            }
            """;
        File.WriteAllText(Path.Combine(_folder, "data_full.json"), json);
        // A path relative to the repository root works even though the host does not run there.
        var relative = Path.GetRelativePath(RepoPaths.Root, _folder);

        var (exitCode, output, errors) = await Eval("clinc150", "--data", relative);

        Assert.True(exitCode == 0, errors);
        Assert.Contains("chosen on the validation split (target precision 97 %", output);
        var result = JsonNode.Parse(output.TrimEnd().Split('\n')[^1])!;
        Assert.Equal(("clinc150", 5, 0.97), ((string?)result["dataset"], (int)result["examples"]!, (double)result["targetPrecision"]!));
        Assert.InRange((double)result["threshold"]!, 0, 1);
        Assert.InRange((double)result["inScopeAccuracy"]!, 0, (double)result["inScopeAccuracyNoThreshold"]!);
        Assert.InRange((double)result["oosRecall"]!, 0, 1);
    }

    [Theory]
    [InlineData("{\"train\": []}", "split 'train' is empty")]
    [InlineData("{\"train\": [[\"hi\", \"greet\"]]}", "has no 'val' split")]
    [InlineData("not json", "is not the CLINC150 data_full.json format")]
    [InlineData("{\"train\": [[\"hello\"]], \"val\": [], \"test\": [], \"oos_val\": [], \"oos_test\": []}", "is not the CLINC150 data_full.json format")]
    public async Task A_malformed_clinc150_file_is_named(string content, string message)
    {
        File.WriteAllText(Path.Combine(_folder, "data_full.json"), content);

        var (exitCode, _, errors) = await Eval("clinc150", "--data", _folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("data_full.json", errors);
        Assert.Contains(message, errors);
    }

    [Theory]
    [InlineData("clinc150", "data_full.json does not exist")]
    [InlineData("banking77", "train.csv does not exist")]
    [InlineData("stackfaq", "stackExchange-FAQ.xml does not exist")]
    [InlineData("weather", "unknown dataset 'weather'")]
    public async Task Missing_data_names_the_file(string dataset, string message)
    {
        var (exitCode, _, errors) = await Eval(dataset, "--data", _folder);

        Assert.Equal(1, exitCode);
        Assert.Contains(message, errors);
    }

    [Theory]
    [InlineData("--shots", "ten", "--shots must be a whole number of at least 1, not 'ten'")]
    [InlineData("--shots", "0", "--shots must be a whole number of at least 1, not '0'")]
    [InlineData("--seed", "x", "--seed must be a whole number, not 'x'")]
    public async Task A_bad_few_shot_option_is_an_error(string option, string value, string message)
    {
        File.WriteAllText(Path.Combine(_folder, "train.csv"), "text,category\nhello,greeting\nbye,goodbye\n");
        File.WriteAllText(Path.Combine(_folder, "test.csv"), "text,category\nhi,greeting\n");
        string[] args = option == "--seed" ? ["banking77", "--data", _folder, "--shots", "1", option, value] : ["banking77", "--data", _folder, option, value];

        var (exitCode, _, errors) = await Eval(args);

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
