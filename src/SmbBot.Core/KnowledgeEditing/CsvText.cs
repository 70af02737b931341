using CsvHelper;

namespace SmbBot.Core.KnowledgeEditing;

/// <summary>Writes a table as CSV text with CsvHelper (quoted where needed, LF line ends as the sample files have).</summary>
public static class CsvText
{
    /// <summary>The header and rows separated by <paramref name="separator"/>.</summary>
    public static string Write(char separator, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        using var text = new StringWriter();
        using (var writer = CsvWriter.Create(text, new CsvWriterOptions { Separator = separator, NewLine = "\n" }, true))
        {
            writer.WriteRecord(header.ToArray());
            foreach (var row in rows) writer.WriteRecord(row.ToArray());
        }
        return text.ToString();
    }
}
