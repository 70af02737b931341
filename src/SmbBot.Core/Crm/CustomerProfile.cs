namespace SmbBot.Core.Crm;

/// <summary>What the business's CRM knows about a customer.</summary>
/// <param name="Tier">The business's own name for the customer's tier, plan or segment ("gold", "insured", "pro"), or empty.</param>
/// <param name="Fields">The export's other columns, as named in its header, with this customer's non-empty values.</param>
public sealed record CustomerProfile(
    string Id,
    string Name,
    string Email,
    string Phone,
    string Company,
    string Tier,
    decimal? LifetimeValue,
    int? OpenOrders,
    DateOnly? LastContact,
    string Notes,
    Dictionary<string, string>? Fields = null)
{
    /// <summary>The export's other columns; empty when there are none.</summary>
    [LiteDB.BsonIgnore, System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyDictionary<string, string> CustomFields => Fields ?? [];
}
