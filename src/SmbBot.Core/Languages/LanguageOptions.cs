using System.ComponentModel.DataAnnotations;

namespace SmbBot.Core.Languages;

/// <summary>
/// Which languages the business's team answers in, and how sure the bot must be before it takes a message for one
/// that is not English (section <c>Languages</c>).
/// </summary>
public sealed class LanguageOptions : IValidatableObject
{
    public const string SectionName = "Languages";

    /// <summary>
    /// Languages the team answers in besides English (ISO 639-1 codes: es, fr, de, pl, pt, it, nl). A customer writing
    /// in one of them is told a person will answer in it; in any other, that the team answers in English.
    /// </summary>
    public List<string> Served { get; set; } = [];

    /// <summary>Fewer letters than this ("ok", "merci", "danke") never change the conversation's language.</summary>
    [Range(1, 200)] public int MinLetters { get; set; } = 15;

    /// <summary>The detector's confidence (0 to 1) needed to take a message for another language.</summary>
    [Range(0.5, 1.0)] public double MinConfidence { get; set; } = 0.7;

    /// <summary>
    /// A message whose words are at least this share English function words ("the", "you", "can") is English,
    /// whatever the names and dishes in it ("Can I order the jamón ibérico?").
    /// </summary>
    [Range(0.05, 1.0)] public double EnglishWordShare { get; set; } = 0.25;

    /// <summary>
    /// A message whose words are at least this share words of the business's own FAQ and intent examples (or English
    /// function words) is in the FAQ's language: "Waterproofing spray?" or "Part exchange" are too short for a detector.
    /// </summary>
    [Range(0.05, 1.0)] public double KnownWordShare { get; set; } = 0.5;

    /// <summary>True when the team answers in <paramref name="code"/>.</summary>
    public bool Serves(string code) => code == LanguageCatalog.English || Served.Contains(code, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (int i = 0; i < Served.Count; i++)
        {
            var code = Served[i]?.Trim().ToLowerInvariant() ?? "";
            if (!LanguageCatalog.IsKnown(code))
                yield return new ValidationResult(
                    $"Languages:Served:{i} '{Served[i]}' is not a language the bot recognises (use {string.Join(", ", LanguageCatalog.Others.Keys)})",
                    [nameof(Served)]);
        }
    }
}
