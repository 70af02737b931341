namespace SmbBot.Core.Languages;

/// <summary>
/// Function words (and the names of weekend days) that belong to one of the languages the bot recognises and to no
/// other of them nor to English, with accents removed as customers often type them. Two of one language in a message
/// settle a short question the detector gets wrong ("Est-ce que vous livrez le samedi ?" reads as Polish to it).
/// Greetings and thanks are left out on purpose: "merci" or "gracias" alone never switch a conversation.
/// </summary>
public static class ForeignWords
{
    private static readonly IReadOnlyDictionary<string, HashSet<string>> ByLanguage = new Dictionary<string, HashSet<string>>
    {
        ["es"] =
        [
            "el", "los", "las", "usted", "ustedes", "tienen", "tiene", "tengo", "hay", "puedo", "puede", "pueden", "cuanto",
            "cuantos", "cuantas", "cuando", "donde", "cual", "cuales", "mis", "muy", "estoy", "estan", "hacen", "hoy",
            "manana", "quiero", "quisiera", "necesito", "podria", "tambien", "nuestro", "nuestra", "ellos", "lunes",
        ],
        ["fr"] =
        [
            "vous", "nous", "est", "avez", "etes", "pouvez", "peux", "puis", "quand", "combien", "pourquoi", "quel",
            "quelle", "quels", "quelles", "votre", "au", "aux", "avec", "pas", "ce", "cette", "ces", "dans", "sur", "chez",
            "samedi", "dimanche", "lundi",
        ],
        ["de"] =
        [
            "der", "dem", "ich", "wir", "ihr", "ihre", "haben", "habe", "ist", "sind", "kann", "konnen", "wann", "warum",
            "welche", "welcher", "mein", "meine", "meinen", "nicht", "noch", "auch", "und", "oder", "mit", "bei", "zum",
            "zur", "ein", "eine", "einen", "gibt", "heute", "samstag", "sonntag", "montag",
        ],
        ["pl"] =
        [
            "czy", "jest", "jak", "gdzie", "kiedy", "ile", "moge", "mozna", "macie", "jestem", "dla", "moje", "moj",
            "moja", "moim", "prosze", "jeszcze", "juz", "przez", "ktory", "ktora", "ktore", "otwarte", "sobota", "sobote",
            "niedziela", "niedziele", "jutro", "dzisiaj", "dzis",
        ],
        ["pt"] =
        [
            "voce", "voces", "tem", "tenho", "nao", "onde", "pode", "podem", "meu", "minha", "seu", "uma", "ao", "aos",
            "tambem", "ainda", "estao", "hoje", "amanha", "gostaria", "qual",
        ],
        ["it"] =
        [
            "gli", "della", "delle", "degli", "dello", "sono", "avete", "ho", "puo", "potete", "perche", "anche", "ancora",
            "vorrei", "ci", "che", "aperti", "aperto", "oggi", "domani", "sabato", "domenica", "nel", "nella", "alla", "dal",
            "dalla",
        ],
        ["nl"] =
        [
            "het", "een", "ik", "jullie", "wij", "hebben", "heeft", "hebt", "kan", "kunnen", "kunt", "wanneer", "waar",
            "waarom", "welke", "mijn", "niet", "nog", "ook", "voor", "bij", "naar", "zijn", "uw", "graag", "zaterdag",
            "zondag", "maandag", "vandaag", "deze", "wat",
        ],
    };

    /// <summary>The languages with a word list.</summary>
    public static IEnumerable<string> Languages => ByLanguage.Keys;

    /// <summary>
    /// The language whose words <paramref name="text"/> holds, when it holds at least two different ones of a single
    /// language and more than of any other; otherwise null.
    /// </summary>
    public static (string Language, IReadOnlyList<string> Words)? Vote(string text)
    {
        var words = EmergencyPhrases.Words(text).Distinct().ToArray();
        (string Language, IReadOnlyList<string> Words)? best = null;
        bool tie = false;
        foreach (var (language, list) in ByLanguage)
        {
            var found = words.Where(list.Contains).ToArray();
            if (best is null || found.Length > best.Value.Words.Count)
            {
                (best, tie) = ((language, found), false);
            }
            else if (found.Length == best.Value.Words.Count)
            {
                tie = true;
            }
        }
        return best is { Words.Count: >= 2 } && !tie ? best : null;
    }

    /// <summary>The words of <paramref name="text"/> that only <paramref name="language"/> uses (none for a language without a list).</summary>
    public static IReadOnlyList<string> In(string text, string language) =>
        ByLanguage.TryGetValue(language, out var list) ? EmergencyPhrases.Words(text).Distinct().Where(list.Contains).ToArray() : [];

    /// <summary>The words of <paramref name="language"/> in the list (for tests: no word may be in two lists).</summary>
    public static IReadOnlySet<string> Of(string language) => ByLanguage[language];
}
