namespace SmbBot.Core.Languages;

/// <summary>
/// The languages the bot recognises besides English: those it has fixed replies for and whose detection models ship
/// with it. Codes are ISO 639-1.
/// </summary>
public static class LanguageCatalog
{
    public const string English = "en";

    /// <summary>The languages other than English, by code, with their English names.</summary>
    public static readonly IReadOnlyDictionary<string, string> Others = new Dictionary<string, string>
    {
        ["es"] = "Spanish",
        ["fr"] = "French",
        ["de"] = "German",
        ["pl"] = "Polish",
        ["pt"] = "Portuguese",
        ["it"] = "Italian",
        ["nl"] = "Dutch",
    };

    /// <summary>True for English and for each of <see cref="Others"/>.</summary>
    public static bool IsKnown(string code) => code == English || Others.ContainsKey(code);

    /// <summary>"Spanish (es)" for staff; the code itself when unknown, "" for none.</summary>
    public static string Describe(string code) => code switch
    {
        "" => "",
        English => "English (en)",
        _ => Others.TryGetValue(code, out var name) ? $"{name} ({code})" : code,
    };
}
