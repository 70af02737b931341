using System.Globalization;
using System.Net.Mail;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Crm;

/// <summary>Reads <c>crm/customers.csv</c> and checks every field.</summary>
public static class CustomerCsvLoader
{
    /// <summary>The header the file starts with.</summary>
    public static readonly string[] Header =
        ["id", "name", "email", "phone", "company", "tier", "lifetime_value", "open_orders", "last_contact", "notes"];

    /// <summary>Reads the file; ids and e-mail addresses must be unique.</summary>
    public static IReadOnlyList<CustomerProfile> Load(string path, string displayName)
    {
        var customers = new List<CustomerProfile>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in CsvTable.Read(path, displayName, Header))
        {
            var f = row.Fields.Select(x => x.Trim()).ToArray();
            KnowledgeFileException Bad(string reason) => new(displayName, row.Line, reason);

            if (f[0].Length == 0) throw Bad("the customer has no id");
            if (!ids.Add(f[0])) throw Bad($"the id '{f[0]}' is used twice");
            if (f[1].Length == 0) throw Bad($"customer '{f[0]}' has no name");
            if (!IsEmail(f[2])) throw Bad($"'{f[2]}' is not an e-mail address");
            if (!emails.Add(f[2])) throw Bad($"the e-mail address '{f[2]}' is used twice");
            if (!Enum.TryParse<CustomerTier>(f[5], ignoreCase: true, out var tier) || int.TryParse(f[5], out _))
                throw Bad($"tier '{f[5]}' must be one of {string.Join(", ", Enum.GetNames<CustomerTier>()).ToLowerInvariant()}");
            if (!decimal.TryParse(f[6], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
                throw Bad($"lifetime_value '{f[6]}' must be a number of at least 0 with '.' as decimal point");
            if (!int.TryParse(f[7], NumberStyles.None, CultureInfo.InvariantCulture, out var openOrders))
                throw Bad($"open_orders '{f[7]}' must be a whole number of at least 0");
            DateOnly? lastContact = null;
            if (f[8].Length > 0)
            {
                if (!DateOnly.TryParseExact(f[8], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw Bad($"last_contact '{f[8]}' must be a date written yyyy-MM-dd");
                lastContact = d;
            }
            customers.Add(new CustomerProfile(f[0], f[1], f[2], f[3], f[4], tier, value, openOrders, lastContact, f[9]));
        }
        return customers;
    }

    /// <summary>True for a plain address such as <c>name@example.com</c>.</summary>
    public static bool IsEmail(string text) =>
        text.Length is > 2 and <= 254 && !text.Contains(' ') && text.IndexOf('@') > 0
        && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.');
}
