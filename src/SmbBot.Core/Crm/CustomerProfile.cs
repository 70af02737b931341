namespace SmbBot.Core.Crm;

/// <summary>What the business's CRM knows about a customer.</summary>
public sealed record CustomerProfile(
    string Id,
    string Name,
    string Email,
    string Phone,
    string Company,
    CustomerTier Tier,
    decimal LifetimeValue,
    int OpenOrders,
    DateOnly? LastContact,
    string Notes);

/// <summary>The service level a customer is on.</summary>
public enum CustomerTier
{
    Standard,
    Silver,
    Gold,
    Platinum,
}
