using System.Security.Cryptography;
using SmbBot.Core.Crm;
using SmbBot.Core.Faq;
using SmbBot.Core.Routing;

namespace SmbBot.Core.KnowledgeFiles;

/// <summary>Everything the bot learns from the business's knowledge folder, read and checked at start.</summary>
public sealed record KnowledgeBase(
    IReadOnlyList<FaqEntry> Faq,
    IReadOnlyList<IntentExample> Intents,
    IReadOnlyList<CustomerProfile> Customers,
    string ContentHash)
{
    /// <summary>
    /// Reads <c>faq/*.csv</c>, <c>faq/*.md</c>, <c>intents/*.txt</c> and <c>crm/customers.csv</c> (optional) under
    /// <paramref name="root"/>. Throws <see cref="KnowledgeFileException"/> naming the file and line of the first problem.
    /// </summary>
    public static KnowledgeBase Load(string root)
    {
        if (!Directory.Exists(root))
            throw new KnowledgeFileException(root, 0, "the knowledge folder does not exist (set Knowledge:Path)");
        string Display(string path) => Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(root).TrimEnd('/', '\\'))!, path);

        var faqFiles = Files(root, "faq", "*.csv").Concat(Files(root, "faq", "*.md")).Order(StringComparer.Ordinal).ToArray();
        if (faqFiles.Length == 0)
            throw new KnowledgeFileException(Display(Path.Combine(root, "faq")), 0, "there is no FAQ file (*.csv or *.md)");
        var faq = new List<FaqEntry>();
        foreach (var file in faqFiles)
        {
            faq.AddRange(file.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                ? FaqMarkdownLoader.Load(file, Display(file))
                : FaqCsvLoader.Load(file, Display(file)));
        }
        CheckUnique(faq);

        var intentFiles = Files(root, "intents", "*.txt").Order(StringComparer.Ordinal).ToArray();
        var intents = intentFiles.SelectMany(f => IntentFileLoader.Load(f, Display(f))).ToList();
        var missing = Routing.Intents.Required.Where(i => intents.All(e => e.Intent != i)).Order().ToArray();
        if (missing.Length > 0)
            throw new KnowledgeFileException(Display(Path.Combine(root, "intents")), 0,
                $"no examples for {string.Join(", ", missing)}: add intents/<intent>.txt for each");

        var crmFile = Path.Combine(root, "crm", "customers.csv");
        var customers = File.Exists(crmFile) ? CustomerCsvLoader.Load(crmFile, Display(crmFile)) : [];

        return new KnowledgeBase(faq, intents, customers, Hash(root, faqFiles.Concat(intentFiles)));
    }

    private static IEnumerable<string> Files(string root, string folder, string pattern)
    {
        var dir = Path.Combine(root, folder);
        return Directory.Exists(dir) ? Directory.EnumerateFiles(dir, pattern) : [];
    }

    private static void CheckUnique(IReadOnlyList<FaqEntry> faq)
    {
        var ids = new Dictionary<string, FaqEntry>(StringComparer.OrdinalIgnoreCase);
        var phrasings = new Dictionary<string, FaqEntry>();
        foreach (var entry in faq)
        {
            if (ids.TryGetValue(entry.Id, out var first))
                throw new KnowledgeFileException(entry.Source, 0, $"the id '{entry.Id}' is already used at {first.Source}");
            ids[entry.Id] = entry;
            foreach (var phrasing in entry.Phrasings)
            {
                var key = TextNormalizer.Key(phrasing);
                if (phrasings.TryGetValue(key, out var other) && other.Id != entry.Id)
                    throw new KnowledgeFileException(entry.Source, 0,
                        $"'{phrasing}' is also a question of '{other.Id}' ({other.Source}); one question cannot have two answers");
                phrasings[key] = entry;
            }
        }
    }

    /// <summary>A hash of every file the bot learns from, so a model is retrained exactly when they change.</summary>
    private static string Hash(string root, IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/') + "\n"));
            sha.AppendData(File.ReadAllBytes(file));
        }
        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }
}
