using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.Understanding;

namespace SmbBot.Host.Cli;

/// <summary>
/// Prints what <c>check</c> found: short sections for the owner, most important first, ending in "N problems to fix"
/// or "Nothing to fix"; or one JSON object for tools.
/// </summary>
internal sealed class CheckReportWriter(TextWriter output, bool json)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The knowledge did not load: what was found wrong on the way, and why loading stopped.</summary>
    public void CannotLoad(string folder, KnowledgeFileException fatal)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                knowledge = folder,
                fatal = new { file = fatal.File, line = fatal.Line, reason = fatal.Reason, message = fatal.Message },
                problems = InOrder(fatal.Problems),
                conflicts = Array.Empty<object>(),
                confusions = Array.Empty<object>(),
                thinEntries = Array.Empty<object>(),
                thresholds = Array.Empty<object>(),
                problemCount = fatal.Problems.Count + 1,
            }, Json));
            return;
        }
        if (fatal.Problems.Count == 0) return;
        Problems(fatal.Problems);
        output.WriteLine();
        output.WriteLine($"{Count(fatal.Problems.Count + 1, "problem")} to fix; the bot cannot start until the last one is fixed:");
        output.WriteLine($"  {fatal.Message}");
    }

    /// <summary>Everything found in knowledge that loads.</summary>
    public void Write(string folder, KnowledgeBase knowledge, KnowledgeCheckReport report)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                knowledge = folder,
                faqEntries = knowledge.Faq.Count,
                intentExamples = knowledge.Intents.Count,
                customers = knowledge.Customers.Count,
                fatal = (object?)null,
                problems = InOrder(knowledge.Problems),
                conflicts = report.Conflicts,
                confusions = report.Confusions.Select(c => new { c.Entry, c.TakenFor, count = c.Phrasings.Count, c.AnsweredWrongly, c.Phrasings }),
                thinEntries = report.ThinEntries.Select(e => new { e.Id, e.Question, e.Source }),
                thresholds = report.Thresholds,
                problemCount = knowledge.Problems.Count,
            }, Json));
            return;
        }
        Problems(knowledge.Problems);
        Conflicts(report.Conflicts);
        Confusions(report.Confusions);
        Thin(report.ThinEntries, knowledge.Faq.Count);
        output.WriteLine();
        output.WriteLine("Routing thresholds this knowledge would get");
        foreach (var t in report.Thresholds)
            output.WriteLine($"  {t.Setting,-21} {t.Value:0.00}  target {t.TargetPrecision:P0} right; {t.Source}");
        output.WriteLine();
        output.WriteLine(knowledge.Problems.Count == 0 ? "Nothing to fix" : $"{Count(knowledge.Problems.Count, "problem")} to fix");
    }

    private void Problems(IReadOnlyList<KnowledgeProblem> problems)
    {
        if (Heading("Problems in the files", problems.Count)) return;
        foreach (var p in InOrder(problems)) output.WriteLine($"  {p}");
    }

    private void Conflicts(IReadOnlyList<FaqConflict> conflicts)
    {
        if (Heading("The same question with different answers", conflicts.Count)) return;
        foreach (var c in conflicts)
        {
            output.WriteLine($"  '{c.First.Id}' ({c.First.Source}): \"{c.First.Phrasing}\"");
            output.WriteLine($"    and '{c.Second.Id}' ({c.Second.Source}): \"{c.Second.Phrasing}\" ({c.Similarity:0.00} alike)");
        }
        output.WriteLine("  The bot cannot tell which answer is meant: merge each pair into one entry, or make the questions say what differs.");
    }

    private void Confusions(IReadOnlyList<FaqConfusion> confusions)
    {
        if (Heading("Entries the bot takes for others", confusions.Count)) return;
        foreach (var c in confusions)
        {
            var times = c.Phrasings.Count == 1 ? "once" : $"{c.Phrasings.Count} times";
            if (c.AnsweredWrongly > 0) times += c.Phrasings.Count == 1 ? ", answered with it outright" : $", {c.AnsweredWrongly} answered with it outright";
            output.WriteLine($"  '{c.Entry}' is taken for '{c.TakenFor}' ({times}): {string.Join(", ", c.Phrasings.Select(p => $"'{p}'"))}");
        }
        output.WriteLine("  Each phrasing was tried as if the FAQ did not have it, as a customer asking in other words would be. Give each");
        output.WriteLine("  entry alternates in the words that set it apart, or merge entries that answer the same thing.");
    }

    private void Thin(IReadOnlyList<Core.Faq.FaqEntry> thin, int total)
    {
        if (Heading($"Entries with only their question ({thin.Count} of {total})", thin.Count, withCount: false)) return;
        foreach (var line in Wrapped(thin.Select(e => e.Id))) output.WriteLine($"  {line}");
        output.WriteLine("  Add 2-3 ways customers ask each (alternates) so the bot finds it when they use other words.");
    }

    /// <summary>Writes a section's heading; true when the section is empty and ends with it.</summary>
    private bool Heading(string title, int count, bool withCount = true)
    {
        output.WriteLine();
        if (count == 0)
        {
            output.WriteLine($"{title}: none");
            return true;
        }
        output.WriteLine(withCount ? $"{title} ({count})" : title);
        return false;
    }

    /// <summary>Problems by file and line; one about a whole entry has the entry's line in its file ("shop.csv line 5").</summary>
    private static IEnumerable<KnowledgeProblem> InOrder(IEnumerable<KnowledgeProblem> problems) => problems
        .Select(p => (Problem: p, Entry: Regex.Match(p.File, @"^(.*) line (\d+)$")))
        .OrderBy(x => x.Entry.Success ? x.Entry.Groups[1].Value : x.Problem.File, StringComparer.Ordinal)
        .ThenBy(x => x.Entry.Success ? int.Parse(x.Entry.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : x.Problem.Line)
        .Select(x => x.Problem)
        .ToArray();

    /// <summary>Ids separated by commas, in lines short enough for a terminal.</summary>
    private static IEnumerable<string> Wrapped(IEnumerable<string> ids, int width = 110)
    {
        var line = new System.Text.StringBuilder();
        foreach (var id in ids)
        {
            if (line.Length > 0 && line.Length + id.Length + 2 > width)
            {
                yield return line.Append(',').ToString();
                line.Clear();
            }
            else if (line.Length > 0) line.Append(", ");
            line.Append(id);
        }
        if (line.Length > 0) yield return line.ToString();
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
