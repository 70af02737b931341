using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Faq;

/// <summary>Reads <c>faq/*.csv</c>: <c>id,question,answer,alternates,category</c>, alternates separated by <c>|</c>.</summary>
public static class FaqCsvLoader
{
    /// <summary>The header every FAQ CSV file starts with.</summary>
    public static readonly string[] Header = ["id", "question", "answer", "alternates", "category"];

    /// <summary>Reads the entries of one file; <paramref name="displayName"/> is used in error messages.</summary>
    public static IReadOnlyList<FaqEntry> Load(string path, string displayName)
    {
        var entries = new List<FaqEntry>();
        foreach (var row in CsvTable.Read(path, displayName, Header))
        {
            var f = row.Fields;
            var alternates = f[3].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            entries.Add(FaqRules.Validate(new FaqEntry(
                f[0].Trim(), f[1].Trim(), f[2].Trim(), alternates, f[4].Trim(), $"{displayName} line {row.Line}"),
                displayName, row.Line));
        }
        return entries;
    }
}
