using Microsoft.Extensions.Configuration;
using SmbBot.Host.Cli;

namespace SmbBot.IntegrationTests;

/// <summary>What each verb says about arguments it cannot use, and the help, without running the verb.</summary>
public class CommandLineTests
{
    private static async Task<(int ExitCode, string Output, string Errors)> Run(params string[] args)
    {
        var configuration = new ConfigurationBuilder().Build();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exitCode = await CommandLine.RunAsync(args, configuration, new StringReader(""), output, errors);
        return (exitCode, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("train", "extra")]
    [InlineData("check", "--bogus")]
    [InlineData("check", "extra")]
    [InlineData("check", "--knowledge")]
    [InlineData("eval", "banking77")]
    [InlineData("eval", "clinc150", "--data")]
    [InlineData("eval", "stackfaq", "--data", "x", "--bogus")]
    [InlineData("eval", "stackfaq", "--data", "x", "--shots", "3")]
    [InlineData("staff", "add", "ann@example.com", "Ann")]
    [InlineData("staff", "add", "ann@example.com", "Ann", "admin", "extra")]
    [InlineData("staff")]
    [InlineData("backup", "--bogus")]
    [InlineData("backup", "--to")]
    [InlineData("restore", "a.db", "b.db")]
    public async Task A_command_with_arguments_it_cannot_use_gets_one_error_line_the_usage_and_exit_code_2(params string[] args)
    {
        var (exitCode, output, errors) = await Run(args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: ", errors);
        Assert.Contains("\nusage: ", errors);
        Assert.Equal("", output);
    }

    [Theory]
    [InlineData("--shots", "-2", "--shots must be a whole number of at least 1, not '-2'")]
    [InlineData("--seed", "1.5", "--seed must be a whole number, not '1.5'")]
    public async Task A_bad_number_is_named_with_exit_code_1(string option, string value, string message)
    {
        var (exitCode, _, errors) = await Run("eval", "banking77", "--data", "nowhere", option, value);

        Assert.Equal((1, $"error: {message}"), (exitCode, errors.Trim()));
    }

    [Fact]
    public async Task An_unknown_dataset_is_named_with_exit_code_1()
    {
        var (exitCode, _, errors) = await Run("eval", "weather", "--data", "nowhere");

        Assert.Equal((1, "error: unknown dataset 'weather' (banking77, clinc150, stackfaq, hint3)"), (exitCode, errors.Trim()));
    }

    [Theory]
    [InlineData(new[] { "--help" }, new[] { "check", "train", "eval", "staff", "backup", "restore" })]
    [InlineData(new[] { "backup", "--help" }, new[] { "--to", "while SmbBot is running" })]
    [InlineData(new[] { "restore", "--help" }, new[] { "backup file", "must be stopped" })]
    [InlineData(new[] { "check", "--help" }, new[] { "--knowledge", "--json", "Exit code 0" })]
    [InlineData(new[] { "eval", "banking77", "--help" }, new[] { "--data", "--shots", "--seed" })]
    [InlineData(new[] { "staff", "add", "-h" }, new[] { "email", "role" })]
    public async Task Help_lists_the_commands_and_options(string[] args, string[] mentioned)
    {
        var (exitCode, output, _) = await Run(args);

        Assert.Equal(0, exitCode);
        foreach (var word in mentioned) Assert.Contains(word, output);
    }

    [Theory]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, null)]
    [InlineData(new[] { "--Routing:AnswerScore", "0.9" }, null)]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "train", "--Routing:AnswerScore", "0.9" }, "train")]
    [InlineData(new[] { "--help" }, "--help")]
    public void Only_a_verb_or_help_takes_the_host_off_serving(string[] args, string? verb)
    {
        Assert.Equal(verb, CommandLine.Verb(args));
    }
}
