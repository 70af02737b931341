using SmbBot.Core.Faq;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.KnowledgeEditing;

/// <summary>
/// Writes FAQ entries back into the business's own file, in its own format. A Markdown file keeps its introduction;
/// a CSV or TSV file keeps its separator, its column names and order, and the values of columns the bot does not read.
/// A Q&amp;A-tool export (a <c>Source</c> or <c>Metadata</c> column, one row per question) cannot keep that layout for an
/// entry edited as a whole: its entries are written to <c>&lt;name&gt;-edited.csv</c> beside it (one row per entry) and
/// the export is renamed <c>&lt;name&gt;.replaced</c>, which the bot does not read.
/// </summary>
public static class FaqFileWriter
{
    /// <summary>Writes <paramref name="entries"/> as the content of the FAQ file <paramref name="path"/>; returns the file written.</summary>
    public static string Write(string path, IReadOnlyList<FaqEntry> entries)
    {
        if (path.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            AtomicFile.WriteAllText(path, Markdown(File.Exists(path) ? File.ReadAllLines(path) : [], entries));
            return path;
        }
        var problems = new List<KnowledgeProblem>();
        char? separator = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : null;
        var table = File.Exists(path) ? CsvTable.ReadTable(path, Path.GetFileName(path), problems, separator) : null;
        table ??= new CsvTableData(["id", "question", "answer", "alternates", "category"], [], separator ?? ',');
        var index = FaqColumns.Resolve(table.Header);
        if (index.ContainsKey("metadata") || index.ContainsKey("source"))
        {
            var edited = Path.Combine(Path.GetDirectoryName(path)!, Path.GetFileNameWithoutExtension(path) + "-edited.csv");
            AtomicFile.WriteAllText(edited, Csv(new CsvTableData(["id", "question", "answer", "alternates", "category"], [], ','), entries, Path.GetFileName(edited)));
            File.Move(path, path + ".replaced", overwrite: true);
            return edited;
        }
        AtomicFile.WriteAllText(path, Csv(table, entries, Path.GetFileName(path)));
        return path;
    }

    /// <summary>The file <paramref name="entry"/> was read from, under the FAQ folder <paramref name="faqFolder"/>.</summary>
    public static string FileOf(FaqEntry entry, string faqFolder) => Path.Combine(faqFolder, Path.GetFileName(SourceFile(entry.Source)));

    /// <summary>The line <paramref name="entry"/> starts on in its file (0 when unknown).</summary>
    public static int LineOf(FaqEntry entry)
    {
        var at = entry.Source.LastIndexOf(" line ", StringComparison.Ordinal);
        return at >= 0 && int.TryParse(entry.Source[(at + 6)..], out var line) ? line : 0;
    }

    private static string SourceFile(string source)
    {
        var at = source.LastIndexOf(" line ", StringComparison.Ordinal);
        return at >= 0 ? source[..at] : source;
    }

    private static string Markdown(IReadOnlyList<string> lines, IReadOnlyList<FaqEntry> entries)
    {
        var text = new System.Text.StringBuilder();
        foreach (var line in lines.TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))) text.Append(line).Append('\n');
        if (text.Length > 0 && !text.ToString().EndsWith("\n\n", StringComparison.Ordinal)) text.Append('\n');
        foreach (var e in entries)
        {
            text.Append("## ").Append(OneLine(e.Question)).Append('\n');
            if (!e.IdMadeUp) text.Append("id: ").Append(e.Id).Append('\n');
            if (e.Alternates.Count > 0) text.Append("alternates: ").Append(string.Join(" | ", e.Alternates.Select(OneLine))).Append('\n');
            if (e.Category is { Length: > 0 } and not "general") text.Append("category: ").Append(OneLine(e.Category)).Append('\n');
            text.Append('\n').Append(e.Answer.Replace("\r\n", "\n").Trim()).Append("\n\n");
        }
        return text.ToString().TrimEnd('\n') + "\n";
    }

    private static string Csv(CsvTableData table, IReadOnlyList<FaqEntry> entries, string fileName)
    {
        var header = table.Header.ToList();
        var index = FaqColumns.Resolve(header);
        void Need(string part, bool wanted)
        {
            if (!wanted || index.ContainsKey(part)) return;
            header.Add(part);
            index[part] = header.Count - 1;
        }
        Need("id", entries.Any(e => !e.IdMadeUp));
        Need("alternates", entries.Any(e => e.Alternates.Count > 0));
        Need("category", entries.Any(e => e.Category is { Length: > 0 } and not "general"));
        var byLine = table.Rows.ToDictionary(r => r.Line, r => r.Fields);
        var rows = entries.Select(e =>
        {
            var fields = new string[header.Count];
            var original = e.Source.StartsWith(fileName, StringComparison.Ordinal) || e.Source.Contains("/" + fileName + " line ", StringComparison.Ordinal)
                ? byLine.GetValueOrDefault(LineOf(e)) : null;
            for (int i = 0; i < fields.Length; i++) fields[i] = original is not null && i < original.Count ? original[i] : "";
            void Set(string part, string value) { if (index.TryGetValue(part, out var i)) fields[i] = value; }
            Set("id", e.IdMadeUp ? "" : e.Id);
            Set("question", OneLine(e.Question));
            Set("answer", e.Answer.Replace("\r\n", "\n"));
            Set("alternates", string.Join('|', e.Alternates.Select(OneLine)));
            Set("category", e.Category);
            return (IReadOnlyList<string>)fields;
        });
        return CsvText.Write(table.Separator, header, rows);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
