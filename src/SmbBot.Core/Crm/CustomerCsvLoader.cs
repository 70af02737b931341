using System.Globalization;
using System.Net.Mail;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Crm;

/// <summary>
/// Reads <c>crm/customers.csv</c> as the business's CRM or spreadsheet exported it: common column names (or
/// <c>Crm:Columns</c>), first and last name joined, the business's own tier names, extra columns kept as custom fields.
/// A row that cannot identify a customer (no id and no e-mail) or repeats one is left out and reported; a value that
/// cannot be read is left empty and reported.
/// </summary>
public static class CustomerCsvLoader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy", "d.M.yyyy"];

    /// <summary>Reads the file; problems are added to <paramref name="problems"/>.</summary>
    public static IReadOnlyList<CustomerProfile> Load(string path, string displayName, IReadOnlyDictionary<string, string> columnMap, List<KnowledgeProblem> problems)
    {
        if (CsvTable.ReadTable(path, displayName, problems) is not { } table) return [];
        var (index, mapProblems) = CrmColumns.Resolve(table.Header, columnMap);
        problems.AddRange(mapProblems.Select(p => new KnowledgeProblem(displayName, 1, p)));
        if (!index.ContainsKey("id") && !index.ContainsKey("email"))
        {
            problems.Add(new KnowledgeProblem(displayName, 1,
                $"no column holds a customer id or an e-mail address (columns: {string.Join(", ", table.Header)}); name them in Crm:Columns"));
            return [];
        }
        var known = index.Values.ToHashSet();
        var extra = Enumerable.Range(0, table.Header.Count).Where(i => !known.Contains(i) && table.Header[i].Length > 0).ToArray();
        var fieldNames = UniqueNames(extra.Select(i => table.Header[i]));

        var customers = new List<CustomerProfile>();
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var emails = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in table.Rows)
        {
            string Get(string field) => index.TryGetValue(field, out var i) ? row.Fields[i].Trim() : "";
            void Report(string reason) => problems.Add(new KnowledgeProblem(displayName, row.Line, reason));

            var email = Get("email");
            if (email.Length > 0 && !IsEmail(email))
            {
                Report($"'{email}' is not an e-mail address; the customer is kept without one");
                email = "";
            }
            var id = Get("id");
            if (id.Length == 0 && email.Length == 0)
            {
                Report("the row has no customer id and no e-mail address; row left out");
                continue;
            }
            if (id.Length == 0) id = email;
            if (ids.TryGetValue(id, out var firstLine))
            {
                Report($"the id '{id}' is already used on line {firstLine}; row left out");
                continue;
            }
            if (email.Length > 0 && emails.TryGetValue(email, out var emailLine))
            {
                Report($"the e-mail address '{email}' is already used on line {emailLine}; row left out");
                continue;
            }
            ids[id] = row.Line;
            if (email.Length > 0) emails[email] = row.Line;

            var name = Get("name");
            if (name.Length == 0) name = string.Join(' ', new[] { Get("first_name"), Get("last_name") }.Where(n => n.Length > 0));
            var fields = extra.Select((column, n) => (Name: fieldNames[n], Value: row.Fields[column].Trim()))
                .Where(f => f.Value.Length > 0).ToDictionary(f => f.Name, f => f.Value);
            customers.Add(new CustomerProfile(id, name, email, Get("phone"), Get("company"), Get("tier"),
                Number(Get("lifetime_value"), "lifetime value", Report), Count(Get("open_orders"), Report), Date(Get("last_contact"), Report),
                Get("notes"), fields.Count > 0 ? fields : null));
        }
        return customers;
    }

    /// <summary>True for a plain address such as <c>name@example.com</c>.</summary>
    public static bool IsEmail(string text) =>
        text.Length is > 2 and <= 254 && !text.Contains(' ') && text.IndexOf('@') > 0
        && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');

    /// <summary>Column names made unique ("Tag", "Tag (2)"), so a repeated column keeps both values.</summary>
    private static string[] UniqueNames(IEnumerable<string> names)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<string>();
        foreach (var name in names)
        {
            var count = seen[name] = seen.GetValueOrDefault(name) + 1;
            unique.Add(count == 1 ? name : $"{name} ({count})");
        }
        return unique.ToArray();
    }

    private static decimal? Number(string text, string what, Action<string> report)
    {
        if (text.Length == 0) return null;
        var cleaned = new string(text.Where(c => char.IsDigit(c) || c is '.' or ',' or '-').ToArray());
        int lastDot = cleaned.LastIndexOf('.'), lastComma = cleaned.LastIndexOf(',');
        int separators = cleaned.Count(c => c is '.' or ',');
        var last = Math.Max(lastDot, lastComma);
        if (separators == 1 && cleaned.Length - last - 1 == 3)
            cleaned = cleaned.Remove(last, 1); // "$1,234" or "1.234": one separator before three digits groups thousands
        else if (lastComma > lastDot)
            cleaned = cleaned.Replace(".", "").Replace(',', '.'); // "1.234,50": the last separator is the decimal one
        else
            cleaned = cleaned.Replace(",", ""); // "1,234.50"
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            return value;
        report($"{what} '{text}' is not a number; left empty");
        return null;
    }

    private static int? Count(string text, Action<string> report)
    {
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        report($"open orders '{text}' is not a whole number; left empty");
        return null;
    }

    private static DateOnly? Date(string text, Action<string> report)
    {
        if (text.Length == 0) return null;
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return DateOnly.FromDateTime(d);
        report($"last contact '{text}' is not a date written yyyy-mm-dd; left empty");
        return null;
    }
}
