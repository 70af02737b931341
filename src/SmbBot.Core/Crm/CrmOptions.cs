using System.ComponentModel.DataAnnotations;

namespace SmbBot.Core.Crm;

/// <summary>
/// How the business's customer export is read (section <c>Crm</c>). Most exports need nothing here: common column
/// names are recognised. <see cref="Columns"/> names the export's own column for a field when it is not.
/// </summary>
public sealed class CrmOptions : IValidatableObject
{
    public const string SectionName = "Crm";

    /// <summary>Field (<c>id</c>, <c>name</c>, <c>first_name</c>, <c>last_name</c>, <c>email</c>, <c>phone</c>, <c>company</c>, <c>tier</c>, <c>lifetime_value</c>, <c>open_orders</c>, <c>last_contact</c>, <c>notes</c>) -> column name in the export.</summary>
    public Dictionary<string, string> Columns { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (field, column) in Columns)
        {
            if (!CrmColumns.Fields.Contains(field.ToLowerInvariant()))
                yield return new ValidationResult($"Crm:Columns:{field} is not a field (use {string.Join(", ", CrmColumns.Fields)})");
            else if (string.IsNullOrWhiteSpace(column))
                yield return new ValidationResult($"Crm:Columns:{field} is empty; name the export's column or remove the setting");
        }
    }
}
