using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Crm;

/// <summary>
/// Which column of a CRM export holds which field: the names common exports use (HubSpot, Zoho, Pipedrive, Mailchimp,
/// spreadsheets), or the business's own names from <c>Crm:Columns</c>. Pure functions of the header.
/// </summary>
public static class CrmColumns
{
    /// <summary>The fields the bot reads from a customer export.</summary>
    public static readonly IReadOnlyList<string> Fields =
        ["id", "name", "first_name", "last_name", "email", "phone", "company", "tier", "lifetime_value", "open_orders", "last_contact", "notes"];

    private static readonly Dictionary<string, string[]> Aliases = new()
    {
        ["id"] = ["id", "customer id", "customer number", "customer no", "client id", "contact id", "account id",
            "account number", "member id", "membership number", "patient id", "record id", "crm id", "external id"],
        ["name"] = ["name", "full name", "customer name", "contact name", "client name", "display name"],
        ["first_name"] = ["first name", "firstname", "given name", "forename"],
        ["last_name"] = ["last name", "lastname", "surname", "family name"],
        ["email"] = ["email", "e-mail", "email address", "e-mail address", "mail", "primary email", "email 1"],
        ["phone"] = ["phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "mobile number", "cell", "primary phone"],
        ["company"] = ["company", "company name", "organisation", "organization", "organisation name", "organization name",
            "business", "business name", "account name", "employer"],
        ["tier"] = ["tier", "plan", "membership", "membership type", "segment", "level", "subscription", "package",
            "customer type", "customer tier", "service level", "account type", "status level"],
        ["lifetime_value"] = ["lifetime value", "ltv", "total spent", "total spend", "total revenue", "customer value", "clv"],
        ["open_orders"] = ["open orders", "orders open", "open order count", "pending orders"],
        ["last_contact"] = ["last contact", "last contacted", "last activity", "last activity date", "last contact date", "last interaction"],
        ["notes"] = ["notes", "note", "comments", "comment", "remarks", "description"],
    };

    /// <summary>
    /// The column index of each field found in <paramref name="header"/>. <paramref name="columnMap"/> (field -> the
    /// export's column name) wins over the built-in names. Returns the problems of the map: a column it names that
    /// the header lacks.
    /// </summary>
    public static (Dictionary<string, int> Index, List<string> Problems) Resolve(IReadOnlyList<string> header, IReadOnlyDictionary<string, string> columnMap)
    {
        var (index, missing) = HeaderColumns.Resolve(header, Aliases, columnMap);
        return (index, missing.Select(m => $"Crm:Columns:{m.Field} names the column '{m.Column}', which the header does not have").ToList());
    }
}
