using System.CommandLine;
using System.CommandLine.Parsing;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Host.Cli;

/// <summary>Command verbs of the host: <c>check</c>, <c>train</c>, <c>eval</c>, <c>staff</c>, <c>backup</c>, <c>restore</c>, <c>migrate-store</c>. Without a verb the host serves the bot.</summary>
public static class CommandLine
{
    private static readonly string[] HelpFlags = ["--help", "-h", "-?"];

    /// <summary>
    /// The verb in <paramref name="args"/>, if the first argument is one or asks for help. Anything else starting with
    /// '-' (<c>--urls</c>, <c>--Setting:Name</c>) belongs to the web host.
    /// </summary>
    public static string? Verb(string[] args) =>
        args.Length > 0 && (!args[0].StartsWith('-') || HelpFlags.Contains(args[0])) ? args[0] : null;

    /// <summary>Runs a verb and returns the exit code.</summary>
    public static Task<int> RunAsync(string verb, string[] args, IConfiguration configuration) =>
        RunAsync(args, configuration, Console.In, Console.Out, Console.Error);

    /// <summary>
    /// Runs the verb in <paramref name="args"/>: 0 when it did its work, 1 when it could not (bad data, a bad value, a
    /// setting or the data file), 2 when the command itself is not understood.
    /// </summary>
    internal static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextReader input, TextWriter output, TextWriter errors)
    {
        var root = new RootCommand("SmbBot: serves the bot on the configured URL (default http://localhost:3978) when no command is given.")
        {
            CheckCommand.Create(configuration, output, errors),
            TrainCommand.Create(configuration, output),
            EvalCommand.Create(configuration, output, errors),
            StaffCommand.Create(configuration, input, output, errors),
            BackupCommand.Create(configuration, output, errors),
            RestoreCommand.Create(configuration, output, errors),
            MigrateStoreCommand.Create(configuration, output, errors),
        };
        var tokens = WithoutSettings(args);
        if (tokens is [var verb, ..] && !HelpFlags.Contains(verb) && !root.Subcommands.Any(c => c.Name == verb))
            return Usage(errors, $"unknown command '{verb}'");
        if (EvalCommand.UnknownDataset(tokens) is { } unknown)
        {
            errors.WriteLine($"error: {unknown}");
            return 1;
        }
        var parsed = root.Parse(tokens);
        if (parsed.Errors.Count > 0)
        {
            var error = parsed.Errors[0];
            if (error.SymbolResult is OptionResult { Option: var option } && EvalCommand.ValueOptions.Contains(option.Name))
            {
                errors.WriteLine($"error: {error.Message}");
                return 1;
            }
            return Usage(errors, error.Message);
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
        }
        catch (Runtime.DataStoreException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (KnowledgeFileException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            foreach (var failure in e.Failures) errors.WriteLine($"error: {failure}");
            return 1;
        }
    }

    /// <summary>
    /// The arguments without settings given on the command line (<c>--Section:Name value</c> or
    /// <c>--Section:Name=value</c>), which the configuration has already read.
    /// </summary>
    private static string[] WithoutSettings(string[] args)
    {
        var kept = new List<string>(args.Length);
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':'))
            {
                if (!args[i].Contains('=')) i++;
                continue;
            }
            kept.Add(args[i]);
        }
        return kept.ToArray();
    }

    private static int Usage(TextWriter errors, string problem)
    {
        errors.WriteLine($"error: {problem}");
        errors.WriteLine("usage: SmbBot.Host [check|train|eval|staff|backup|restore|migrate-store] [--Setting:Name value ...]   (--help after a command for its options)");
        errors.WriteLine("  (no command)  serve the bot on the configured URL (default http://localhost:3978)");
        errors.WriteLine("  check [--knowledge <folder>] [--json]   list what to fix in the knowledge folder without starting the bot");
        errors.WriteLine("  train         retrain the intent classifier now; print cross-validated accuracy and the routing thresholds");
        errors.WriteLine("  eval <banking77|clinc150|stackfaq|hint3> --data <path>   measure the classifier or the FAQ retrieval on a public benchmark");
        errors.WriteLine("  staff add <email> <display name> <agent|admin>   add a console account; the password is read from standard input");
        errors.WriteLine("  backup [--to <path>]   take a consistent backup of the store, also while SmbBot runs");
        errors.WriteLine("  restore [<backup file>]   put a backup (default: the newest) in place of the store; SmbBot must be stopped");
        errors.WriteLine("  migrate-store [--from <backup file>]   move the LiteDB store into the empty PostgreSQL database of Storage:ConnectionString");
        return 2;
    }
}
