using System.Security.Cryptography;
using SmbBot.Core.Crm;
using SmbBot.Core.Faq;
using SmbBot.Core.Languages;
using SmbBot.Core.Routing;

namespace SmbBot.Core.KnowledgeFiles;

/// <summary>Everything the bot learns from the business's knowledge folder, read and checked at start.</summary>
/// <param name="Problems">What was left out or left empty, file by file; the bot serves the rest.</param>
public sealed record KnowledgeBase(
    IReadOnlyList<FaqEntry> Faq,
    IReadOnlyList<IntentExample> Intents,
    IReadOnlyList<CustomerProfile> Customers,
    string ContentHash,
    IReadOnlyList<KnowledgeProblem> Problems)
{
    /// <summary>The replies for customers who write in another language (<c>languages.json</c>; the built-in ones without it).</summary>
    public LanguageTexts Languages { get; init; } = LanguageTexts.BuiltIn;

    /// <summary>FAQ file types read from <c>faq/</c>.</summary>
    public static readonly IReadOnlyList<string> FaqPatterns = ["*.csv", "*.tsv", "*.md"];

    /// <summary>
    /// Reads <c>faq/*.csv</c>, <c>faq/*.tsv</c>, <c>faq/*.md</c>, <c>intents/*.txt</c> (optional, added to the
    /// <see cref="BuiltInIntents"/>), <c>languages.json</c> (optional; a file that cannot be used is left out for the
    /// built-in texts, see <see cref="LanguageTexts.Load"/> for the check that refuses it) and <c>crm/customers.csv</c>
    /// (optional) under <paramref name="root"/>. Every unusable row or entry is left out and listed in <see cref="Problems"/>; <see cref="KnowledgeFileException"/> is thrown only when nothing usable is left: no folder,
    /// no FAQ entry.
    /// </summary>
    public static KnowledgeBase Load(string root, IReadOnlyDictionary<string, string>? crmColumns = null)
    {
        if (!Directory.Exists(root))
            throw new KnowledgeFileException(root, 0, "the knowledge folder does not exist (set Knowledge:Path)");
        string Display(string path) => Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd('/', '\\'))!, path);
        var problems = new List<KnowledgeProblem>();

        var faqFiles = FaqPatterns.SelectMany(p => Files(root, "faq", p)).Order(StringComparer.Ordinal).ToArray();
        if (faqFiles.Length == 0)
            throw new KnowledgeFileException(Display(Path.Combine(root, "faq")), 0, "there is no FAQ file (*.csv, *.tsv or *.md)");
        var faq = new List<FaqEntry>();
        foreach (var file in faqFiles)
        {
            faq.AddRange(file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                ? FaqMarkdownLoader.Load(file, Display(file), problems)
                : FaqCsvLoader.Load(file, Display(file), problems));
        }
        faq = Unique(faq, problems);
        if (faq.Count == 0)
            throw new KnowledgeFileException(Display(Path.Combine(root, "faq")), 0,
                "no usable FAQ entry: " + (problems.Count == 0 ? "the files are empty" : string.Join("; ", problems.Take(5)))) { Problems = problems };

        var intentFiles = Files(root, "intents", "*.txt").Order(StringComparer.Ordinal).ToArray();
        var (builtIn, builtInText) = BuiltInIntents.Load();
        var intents = builtIn.Concat(intentFiles.SelectMany(f => IntentFileLoader.Load(f, Display(f), problems))).ToList();
        var missing = Routing.Intents.Required.Where(i => intents.All(e => e.Intent != i)).Order().ToArray();
        if (missing.Length > 0)
            throw new KnowledgeFileException(Display(Path.Combine(root, "intents")), 0,
                $"no examples for {string.Join(", ", missing)}: add intents/<intent>.txt for each"
                + (problems.Count == 0 ? "" : " (" + string.Join("; ", problems.Where(p => p.File.Contains("intents"))) + ")")) { Problems = problems };

        var crmFile = Path.Combine(root, "crm", "customers.csv");
        var customers = File.Exists(crmFile) ? CustomerCsvLoader.Load(crmFile, Display(crmFile), crmColumns ?? new Dictionary<string, string>(), problems) : [];

        var languages = LanguagesOf(root, Display(Path.Combine(root, LanguageTexts.FileName)), problems);
        return new KnowledgeBase(faq, intents, customers, Hash(root, faqFiles.Concat(intentFiles), builtInText), problems) { Languages = languages };
    }

    private static LanguageTexts LanguagesOf(string root, string displayName, List<KnowledgeProblem> problems)
    {
        try
        {
            return LanguageTexts.Load(root, displayName);
        }
        catch (KnowledgeFileException e)
        {
            problems.Add(new KnowledgeProblem(e.File, e.Line, $"{e.Reason}; the built-in texts are used"));
            return LanguageTexts.BuiltIn;
        }
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var dir = Path.Combine(root, folder);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, pattern) : [];
    }

    /// <summary>
    /// Keeps the first entry of an id (a made-up id that repeats gets a number) and leaves out an entry whose question
    /// another entry already has: one question cannot have two answers.
    /// </summary>
    private static List<FaqEntry> Unique(IReadOnlyList<FaqEntry> faq, List<KnowledgeProblem> problems)
    {
        var ids = new Dictionary<string, FaqEntry>(StringComparer.OrdinalIgnoreCase);
        var phrasings = new Dictionary<string, FaqEntry>();
        var kept = new List<FaqEntry>();
        // The ids the files give are the business's own: an id made from a question steps aside for them.
        var given = faq.Where(e => !e.IdMadeUp).Select(e => e.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var candidate in faq)
        {
            var entry = candidate;
            if (ids.TryGetValue(entry.Id, out var first) && !entry.IdMadeUp)
            {
                problems.Add(new KnowledgeProblem(entry.Source, 0, $"the id '{entry.Id}' is already used at {first.Source}; entry left out"));
                continue;
            }
            if (entry.IdMadeUp && (ids.ContainsKey(entry.Id) || given.Contains(entry.Id)))
            {
                int n = 2;
                while (ids.ContainsKey($"{entry.Id}-{n}") || given.Contains($"{entry.Id}-{n}")) n++;
                entry = entry with { Id = $"{entry.Id}-{n}" };
            }
            if (phrasings.GetValueOrDefault(TextNormalizer.Key(entry.Question)) is { } owner)
            {
                problems.Add(new KnowledgeProblem(entry.Source, 0,
                    $"'{entry.Question}' is already a question of '{owner.Id}' ({owner.Source}); one question cannot have two answers; entry left out"));
                continue;
            }
            var taken = entry.Alternates.Where(a => phrasings.ContainsKey(TextNormalizer.Key(a))).ToArray();
            foreach (var alternate in taken)
            {
                var other = phrasings[TextNormalizer.Key(alternate)];
                problems.Add(new KnowledgeProblem(entry.Source, 0,
                    $"'{alternate}' is also a question of '{other.Id}' ({other.Source}); one question cannot have two answers; left out of '{entry.Id}'"));
            }
            if (taken.Length > 0) entry = entry with { Alternates = entry.Alternates.Except(taken).ToArray() };
            ids[entry.Id] = entry;
            foreach (var phrasing in entry.Phrasings) phrasings[TextNormalizer.Key(phrasing)] = entry;
            kept.Add(entry);
        }
        return kept;
    }

    /// <summary>A hash of every file the bot learns from, so a model is retrained exactly when they change.</summary>
    private static string Hash(string root, IEnumerable<string> files, string builtIn)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(builtIn));
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
