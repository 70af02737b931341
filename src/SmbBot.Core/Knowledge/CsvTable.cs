using System.Text;

namespace SmbBot.Core.Knowledge;

/// <summary>A row of a CSV file with the line it starts on.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads RFC 4180 CSV: comma separated, fields optionally in double quotes, "" for a quote inside a quoted field,
/// line breaks allowed inside quoted fields. Errors name the file and the line.
/// </summary>
public static class CsvTable
{
    /// <summary>Reads a file whose first row must be exactly <paramref name="header"/>.</summary>
    public static IReadOnlyList<CsvRow> Read(string path, string displayName, IReadOnlyList<string> header)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var rows = Parse(text, displayName);
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

    /// <summary>Parses CSV text into rows; blank lines are skipped.</summary>
    public static List<CsvRow> Parse(string text, string displayName)
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, rowStart = 1, i = 0;
        bool inQuotes = false, quotedField = false, rowHasContent = false;
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
            quotedField = false;
        }

        void EndRow()
        {
            EndField();
            if (rowHasContent || fields.Count > 1 || fields[0].Length > 0) rows.Add(new CsvRow(rowStart, fields.ToArray()));
            fields.Clear();
            rowHasContent = false;
        }

        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0 && !quotedField:
                    inQuotes = true; quotedField = true; rowHasContent = true;
                    break;
                case '"':
                    throw new KnowledgeFileException(displayName, line,
                        "a double quote inside an unquoted value; put the whole value in double quotes and write the quote as \"\"");
                case ',':
                    EndField(); rowHasContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRow(); line++; rowStart = line;
                    break;
                default:
                    if (quotedField)
                        throw new KnowledgeFileException(displayName, line, "text after the closing double quote of a value");
                    field.Append(c);
                    break;
            }
        }
        if (inQuotes)
            throw new KnowledgeFileException(displayName, rowStart, "a quoted value is never closed (missing double quote)");
        EndRow();
        return rows;
    }
}
