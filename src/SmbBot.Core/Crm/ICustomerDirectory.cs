
namespace SmbBot.Core.Crm;

/// <summary>The business's customer records. The CSV file in <c>knowledge/crm/</c> is the default; a real CRM can implement this.</summary>
public interface ICustomerDirectory
{
    /// <summary>The customer with this e-mail address (case-insensitive), or null.</summary>
    CustomerProfile? FindByEmail(string email);

    /// <summary>The customer with this CRM id, or null.</summary>
    CustomerProfile? FindById(string id);
}

/// <summary>The customers read from <c>crm/customers.csv</c> at start.</summary>
public sealed class CsvCustomerDirectory(IReadOnlyList<CustomerProfile> customers) : ICustomerDirectory
{
    private readonly Dictionary<string, CustomerProfile> _byEmail = customers.Where(c => c.Email.Length > 0).ToDictionary(c => c.Email, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CustomerProfile> _byId = customers.ToDictionary(c => c.Id, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public CustomerProfile? FindByEmail(string email) => _byEmail.GetValueOrDefault(email.Trim());

    /// <inheritdoc/>
    public CustomerProfile? FindById(string id) => _byId.GetValueOrDefault(id.Trim());
}
