using System.CommandLine;
using SmbBot.Core.Crm;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Host.Configuration;
using SmbBot.Understanding;

namespace SmbBot.Host.Cli;

/// <summary>
/// <c>check [--knowledge &lt;folder&gt;] [--json]</c>: reads a knowledge folder as the bot would at start, without
/// starting it or touching its data, and lists everything to fix or look at.
/// </summary>
public static class CheckCommand
{
    /// <summary>The <c>check</c> verb.</summary>
    public static Command Create(IConfiguration configuration, TextWriter output, TextWriter errors)
    {
        var knowledge = new Option<string?>("--knowledge")
        {
            Description = "the knowledge folder to check (default: Knowledge:Path, as the bot uses); a relative path is taken from the current folder",
        };
        var json = new Option<bool>("--json") { Description = "print one JSON object with a list for each section, for tools" };
        var command = new Command("check",
            "read a knowledge folder without starting the bot and list what to fix: problems in the files, questions asked twice with "
            + "different answers, entries the bot confuses, entries with too few phrasings, and the routing thresholds it would get. "
            + "Exit code 0: the bot would start and the files have no problems; 1: the files have problems or the knowledge cannot be "
            + "loaded; 2: the command is not understood")
        {
            knowledge, json,
        };
        command.SetAction((parsed, _) =>
        {
            var folder = parsed.GetValue(knowledge) is { Length: > 0 } given ? FolderPath(given, configuration) : SmbBotPaths.From(configuration).Knowledge;
            return RunAsync(configuration, folder, parsed.GetValue(json), output, errors);
        });
        return command;
    }

    /// <summary>
    /// A relative <c>--knowledge</c> from the folder the command was typed in: <c>dotnet run --project</c> starts the
    /// process in the project's folder but keeps the shell's <c>PWD</c>. Else from the process's folder or, as
    /// <c>eval --data</c>, the SmbBot folder, whichever has it.
    /// </summary>
    private static string FolderPath(string given, IConfiguration configuration)
    {
        if (Path.IsPathRooted(given)) return Path.GetFullPath(given);
        var typedIn = Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Directory.Exists(pwd) ? pwd : Directory.GetCurrentDirectory();
        string[] bases = [typedIn, Directory.GetCurrentDirectory(), SmbBotPaths.From(configuration).Root];
        return bases.Select(b => Path.GetFullPath(Path.Combine(b, given))).FirstOrDefault(Directory.Exists)
            ?? Path.GetFullPath(Path.Combine(typedIn, given));
    }

    private static async Task<int> RunAsync(IConfiguration configuration, string folder, bool json, TextWriter output, TextWriter errors)
    {
        var routing = RoutingSettings.Read(configuration);
        var crm = RoutingSettings.Read<CrmOptions>(configuration, CrmOptions.SectionName);
        var writer = new CheckReportWriter(output, json);
        KnowledgeBase knowledge;
        try
        {
            knowledge = KnowledgeBase.Load(folder, crm.Columns);
        }
        catch (KnowledgeFileException e)
        {
            writer.CannotLoad(folder, e);
            errors.WriteLine($"error: {e.Message}");
            return 1;
        }
        if (!json)
            output.WriteLine($"Checking {folder}: {knowledge.Faq.Count} FAQ entries, {knowledge.Intents.Count} intent examples, {knowledge.Customers.Count} CRM customers");
        var report = await KnowledgeCheck.RunAsync(knowledge, routing, _ => { });
        writer.Write(folder, knowledge, report);
        return knowledge.Problems.Count == 0 ? 0 : 1;
    }
}
