using CsvHelper;

namespace SmbBot.Core.KnowledgeFiles;

/// <summary>A row of a CSV file with the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>A delimited file as read: its header, its data rows and the separator found.</summary>
public sealed record CsvTableData(IReadOnlyList<string> Header, IReadOnlyList<CsvRow> Rows, char Separator);

/// <summary>
/// Reads delimited text files with CsvHelper as spreadsheets and other programs export them: RFC 4180 quoting ("" for
/// a quote, line breaks inside quoted fields), a byte order mark, CRLF or LF line ends, and <c>,</c>, <c>;</c> or a tab
/// as the separator. Problems name the file and the line.
/// </summary>
public static class CsvTable
{
    /// <summary>Separators a header line is searched for, in order of preference when counts tie.</summary>
    private static readonly char[] Separators = [',', ';', '\t'];

    /// <summary>Reads a file whose first row must be exactly <paramref name="header"/>; the first problem throws.</summary>
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

    /// <summary>Parses comma-separated text into rows, the header included; blank lines are skipped; the first problem throws.</summary>
    public static List<CsvRow> Parse(string text, string displayName)
    {
        var problems = new List<KnowledgeProblem>();
        var rows = Rows(text, ',', displayName, problems);
        if (problems.Count > 0) throw new KnowledgeFileException(displayName, problems[0].Line, problems[0].Reason);
        return rows;
    }

    /// <summary>
    /// Reads a file with a header row, detecting the separator from the header. Rows with broken quoting or more values
    /// than the header has columns are left out and added to <paramref name="problems"/>; shorter rows are padded with
    /// empty values (spreadsheets drop empty trailing cells). Null when the file has no header row.
    /// </summary>
    public static CsvTableData? ReadTable(string path, string displayName, List<KnowledgeProblem> problems, char? separator = null)
    {
        var text = File.ReadAllText(path).TrimStart('\uFEFF');
        var sep = separator ?? DetectSeparator(text);
        var rows = Rows(text, sep, displayName, problems);
        if (rows.Count == 0)
        {
            problems.Add(new KnowledgeProblem(displayName, 0, "the file is empty; the first line must name the columns"));
            return null;
        }
        var header = rows[0].Fields.Select(f => f.Trim()).ToArray();
        var data = new List<CsvRow>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            if (row.Fields.Count > header.Length && row.Fields.Skip(header.Length).Any(f => f.Trim().Length > 0))
            {
                problems.Add(new KnowledgeProblem(displayName, row.Line,
                    $"{row.Fields.Count} values but the header has {header.Length} columns (a '{Name(sep)}' inside a value needs the value in double quotes); row left out"));
                continue;
            }
            var fields = row.Fields.Take(header.Length).Concat(Enumerable.Repeat("", Math.Max(0, header.Length - row.Fields.Count))).ToArray();
            if (fields.All(f => f.Trim().Length == 0)) continue;
            data.Add(row with { Fields = fields });
        }
        return new CsvTableData(header, data, sep);
    }

    /// <summary>
    /// The separator that splits the first line into the most columns, quotes respected. CsvHelper's own detection
    /// also considers <c>|</c> and reads several lines, and <c>|</c> separates alternates inside FAQ values.
    /// </summary>
    public static char DetectSeparator(string text)
    {
        var counts = new Dictionary<char, int>();
        bool quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c is '\n' or '\r') break;
            else if (!quoted && Separators.Contains(c)) counts[c] = counts.GetValueOrDefault(c) + 1;
        }
        return Separators.OrderByDescending(s => counts.GetValueOrDefault(s)).First();
    }

    private static List<CsvRow> Rows(string text, char separator, string displayName, List<KnowledgeProblem> problems)
    {
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrackLineNumbers = true,
            TrimWhitespace = false,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = r => problems.Add(new KnowledgeProblem(displayName, (int)r.LineNumber, Describe(r.Reason))),
        };
        var rows = new List<CsvRow>();
        using var reader = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (int i = 0; i < fields.Length; i++) fields[i] = reader.GetString(i) ?? "";
            rows.Add(new CsvRow((int)reader.LineNumber, fields));
        }
        return rows;
    }

    private static string Name(char separator) => separator == '\t' ? "tab" : separator.ToString();

    private static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "a quoted value is never closed (missing double quote)",
        CsvMalformedReason.StrayQuote => "a double quote inside an unquoted value; put the whole value in double quotes and write the quote as \"\"",
        CsvMalformedReason.TextAfterClosingQuote => "text after the closing double quote of a value",
        _ => $"the line cannot be read ({reason})",
    };
}
