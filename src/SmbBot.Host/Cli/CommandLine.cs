using SmbBot.Core.KnowledgeFiles;


namespace SmbBot.Host.Cli;

/// <summary>Command verbs of the host: <c>train</c>, <c>eval</c>, <c>staff</c>. Without a verb the host serves the bot.</summary>
public static class CommandLine
{
    /// <summary>The verb in <paramref name="args"/>, if the first argument is one (options start with '-').</summary>
    public static string? Verb(string[] args) => args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;

    /// <summary>Runs a verb and returns the exit code.</summary>
    public static async Task<int> RunAsync(string verb, string[] args, IConfiguration configuration)
    {
        try
        {
            return verb switch
            {
                "train" => await TrainCommand.RunAsync(configuration, Console.Out),
                "eval" => await EvalCommand.RunAsync(args.Skip(1).ToArray(), configuration, Console.Out, Console.Error),
                "staff" => StaffCommand.Run(args.Skip(1).ToArray(), configuration, Console.In, Console.Out, Console.Error),
                _ => Usage($"unknown command '{verb}'"),
            };
        }
        catch (Runtime.DataStoreException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (KnowledgeFileException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException e)
        {
            foreach (var failure in e.Failures) Console.Error.WriteLine($"error: {failure}");
            return 1;
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"error: {problem}");
        Console.Error.WriteLine("usage: SmbBot.Host [train|eval|staff] [--Setting:Name value ...]");
        Console.Error.WriteLine("  (no command)  serve the bot on the configured URL (default http://localhost:3978)");
        Console.Error.WriteLine("  train         retrain the intent classifier now; print cross-validated accuracy and the routing thresholds");
        Console.Error.WriteLine("  eval <banking77|clinc150|stackfaq> --data <path>   measure the classifier or the FAQ retrieval on a public benchmark");
        Console.Error.WriteLine("  staff add <email> <display name> <agent|admin>   add a console account; the password is read from standard input");
        return 2;
    }
}
