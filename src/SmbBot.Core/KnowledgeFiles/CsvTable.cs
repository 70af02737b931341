using CsvHelper;

namespace SmbBot.Core.KnowledgeFiles;

/// <summary>A row of a CSV file with the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads RFC 4180 CSV with CsvHelper: comma separated, fields optionally in double quotes, "" for a quote inside a
/// quoted field, line breaks allowed inside quoted fields, a byte order mark and CRLF or LF line ends accepted. Errors
/// name the file and the line.
/// </summary>
public static class CsvTable
{
    /// <summary>Reads a file whose first row must be exactly <paramref name="header"/>.</summary>
    public static IReadOnlyList<CsvRow> Read(string path, string displayName, IReadOnlyList<string> header)
    {
        var rows = Parse(File.ReadAllText(path), displayName);
        if (rows.Count == 0)
            throw new KnowledgeFileException(displayName, 1, $"the file is empty; the first line must be the header {string.Join(',', header)}");
        var found = rows[0].Fields.Select(f => f.Trim()).ToArray();
        if (!found.SequenceEqual(header, StringComparer.OrdinalIgnoreCase))
            throw new KnowledgeFileException(displayName, 1,
                $"the header is '{string.Join(',', found)}' but must be '{string.Join(',', header)}'");
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count != header.Count)
                throw new KnowledgeFileException(displayName, row.Line,
                    $"expected {header.Count} fields but found {row.Fields.Count} (a comma inside a value needs the value in double quotes)");
        }
        return rows.Skip(1).ToArray();
    }

    /// <summary>Parses CSV text into rows, the header included; blank lines are skipped.</summary>
    public static List<CsvRow> Parse(string text, string displayName)
    {
        CsvMalformedRecord? broken = null;
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r => broken ??= r,
        };
        var rows = new List<CsvRow>();
        using (var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), options))
        {
            while (reader.Read() && broken is null)
            {
                var fields = new string[reader.FieldCount];
                for (int i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i) ?? "";
                rows.Add(new CsvRow((int)reader.LineNumber, fields));
            }
        }
        if (broken is { } b) throw new KnowledgeFileException(displayName, (int)b.LineNumber, Describe(b.Reason));
        return rows;
    }

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed (missing double quote)",
        CsvMalformedReason.StrayQuote => "a double quote inside an unquoted value; put the whole value in double quotes and write the quote as \"\"",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing double quote of a value",
        _ => $"the line cannot be read as CSV ({reason})",
    };
}
