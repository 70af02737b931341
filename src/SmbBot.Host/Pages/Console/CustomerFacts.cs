using System.Globalization;
using SmbBot.Core.Crm;

namespace SmbBot.Host.Pages.Console;

/// <summary>What the ticket page shows of a customer's CRM record: the fields the export had, in the business's words.</summary>
public static class CustomerFacts
{
    /// <summary>Label and value of every field that has a value, the standard ones first, then the export's own columns.</summary>
    public static IReadOnlyList<(string Label, string Value)> Of(CustomerProfile c)
    {
        (string, string?)[] standard =
        [
            ("Name", c.Name), ("Customer id", c.Id), ("E-mail", c.Email), ("Phone", c.Phone), ("Company", c.Company), ("Tier", c.Tier),
            ("Lifetime value", c.LifetimeValue?.ToString("0.00", CultureInfo.InvariantCulture)),
            ("Open orders", c.OpenOrders?.ToString(CultureInfo.InvariantCulture)),
            ("Last contact", c.LastContact?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("Notes", c.Notes),
        ];
        return standard.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => (f.Item1, f.Item2!))
            .Concat(c.CustomFields.Select(f => (f.Key, f.Value)))
            .ToArray();
    }
}
