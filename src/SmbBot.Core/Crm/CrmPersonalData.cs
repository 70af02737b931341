using System.Text.Json.Nodes;
using SmbBot.Core.Privacy;

namespace SmbBot.Core.Crm;

/// <summary>
/// The customer's record in the business's CRM export. Exported, never erased here: the export is the business's own
/// file (<c>knowledge/crm/</c>), which the admin edits or exports again from the CRM.
/// </summary>
public sealed class CrmPersonalData(ICustomerDirectory directory) : IPersonalDataHolder
{
    public string Name => "crm";
    public int Order => 2;

    public void Discover(PersonalDataSubject subject) { }

    public (JsonNode Data, int Count, string Summary) Export(PersonalDataSubject subject)
    {
        var record = Record(subject);
        return record is null
            ? (new JsonArray(), 0, "no CRM record")
            : (ExportJson.Array([record]), 1, $"1 CRM record ({record.Id}): remove it from the CRM and its export in knowledge/crm yourself");
    }

    public int Erase(PersonalDataSubject subject) => 0;

    private CustomerProfile? Record(PersonalDataSubject subject) =>
        (subject.Email is { } email ? directory.FindByEmail(email) : null) ?? (subject.CustomerId is { } id ? directory.FindById(id) : null);
}
