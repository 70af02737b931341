using System.Text;

namespace SmbBot.Core.Languages;

/// <summary>
/// Words of emergencies in the languages the bot recognises besides English: gas, fire, smoke, flooding, a person
/// not breathing or unconscious, bleeding, an allergic reaction, a break-in, an account taken over, money taken twice,
/// fraud, electric shocks, carbon monoxide. The intent classifier is trained in English, so without these an
/// emergency written in Spanish would become an ordinary ticket. Concrete situations only: words a business's own
/// questions use ("emergency call-out", "urgent", a sangria on a menu, a blood-pressure check) are left out, so
/// that ordinary questions are not raised as emergencies. Matched on whole words, ignoring case and accents; a
/// trailing <c>*</c> matches any ending, and <c>~</c> up to three words in between.
/// </summary>
public static class EmergencyPhrases
{
    private static readonly IReadOnlyDictionary<string, string[]> ByLanguage = new Dictionary<string, string[]>
    {
        ["es"] =
        [
            "fuga de gas", "escape de gas", "huele ~ gas", "olor ~ gas", "incendio", "fuego", "humo", "inund*",
            "no respira", "inconsciente", "desmay*", "ambulancia", "sangre", "sangrando", "reaccion alergica",
            "me han robado", "nos han robado", "entraron a robar", "hackea*", "me han pirateado", "cobrado dos veces",
            "cobro doble", "cargo doble", "fraude", "estafa", "electrocut*", "chispas", "monoxido",
        ],
        ["fr"] =
        [
            "fuite de gaz", "odeur de gaz", "sent ~ le gaz", "incendie", "au feu", "prend feu", "pris feu", "en feu", "fumee",
            "inond*", "degat des eaux", "ne respire plus", "ne respire pas", "inconscient*", "evanoui*", "ambulance", "samu",
            "saigne*", "reaction allergique", "cambriol*", "on m a vole", "pirate", "piratee", "debite deux fois",
            "preleve deux fois", "double prelevement", "fraude", "arnaque", "electrocut*", "etincelles", "monoxyde",
        ],
        ["de"] =
        [
            "gasleck", "gasgeruch", "riecht ~ nach gas", "riecht ~ gas", "es brennt", "feuer", "brand", "rauch", "uberschwemm*", "wasserschaden",
            "rohrbruch", "atmet nicht", "bewusstlos", "ohnmachtig", "krankenwagen", "notarzt", "blutet", "blutung",
            "allergische reaktion", "einbruch", "eingebrochen", "bestohlen", "gehackt", "doppelt abgebucht",
            "zweimal abgebucht", "betrug", "stromschlag", "funken", "kohlenmonoxid",
        ],
        ["pl"] =
        [
            "wyciek gazu", "czuc ~ gaz", "pachnie gazem", "pozar", "pali sie", "dym", "zalal*", "zalane", "powodz",
            "nie oddycha", "nieprzytomn*", "zemdlal*", "karetk*", "pogotowie", "krwawi*", "reakcja alergiczna", "wlamanie",
            "wlamal*", "okradzion*", "okradli", "zhakowan*", "shakowan*", "pobrano dwa razy", "podwojnie pobran*",
            "oszust*", "porazenie pradem", "iskry", "czad", "tlenek wegla",
        ],
        ["pt"] =
        [
            "vazamento de gas", "fuga de gas", "cheiro ~ gas", "incendio", "fogo", "fumaca", "fumo",
            "inundad*", "inundacao", "alagad*", "nao respira", "inconsciente", "desmai*", "ambulancia", "sangue",
            "sangrando", "reacao alergica", "assaltad*", "roubad*", "roubaram", "arrombad*", "hackead*",
            "invadiram minha conta", "cobrado duas vezes", "cobranca duplicada", "fraude", "choque eletrico", "faiscas",
            "monoxido",
        ],
        ["it"] =
        [
            "fuga di gas", "odore di gas", "puzza di gas", "sento ~ gas", "incendio", "al fuoco", "fumo", "allagat*", "inondat*",
            "non respira", "svenut*", "incosciente", "privo di sensi", "ambulanza", "sanguina*", "reazione allergica",
            "ladri", "derubat*", "scasso", "hackerat*", "account violato", "addebitato due volte", "doppio addebito",
            "truffa", "frode", "scossa elettrica", "scintille", "monossido",
        ],
        ["nl"] =
        [
            "gaslek", "ruik ~ gas", "gaslucht", "ruikt ~ gas", "brand", "rook", "overstrom*", "ondergelopen", "ademt niet", "bewusteloos",
            "flauwgevallen", "ambulance", "bloedt", "bloeding", "allergische reactie", "inbraak", "ingebroken", "bestolen",
            "gehackt", "dubbel afgeschreven", "twee keer afgeschreven", "oplichting", "fraude", "stroomschok", "vonken",
            "koolmonoxide",
        ],
    };

    /// <summary>The languages with a list.</summary>
    public static IEnumerable<string> Languages => ByLanguage.Keys;

    /// <summary>The first emergency phrase of <paramref name="language"/> in <paramref name="text"/>, or null.</summary>
    public static string? Find(string language, string text) =>
        Split.TryGetValue(language, out var phrases) ? FindIn(phrases, text) : null;

    /// <summary>The lists' phrases split into words once, not on every message.</summary>
    private static readonly IReadOnlyDictionary<string, string[][]> Split = ByLanguage.ToDictionary(l => l.Key, l => Prepare(l.Value));

    /// <summary><paramref name="phrases"/> (written as the lists above) split into words, for <see cref="FindIn"/>.</summary>
    internal static string[][] Prepare(IEnumerable<string> phrases) => phrases.Select(p => p.Split(' ')).ToArray();

    /// <summary>The first of <paramref name="phrases"/> (from <see cref="Prepare"/>) in <paramref name="text"/>, or null.</summary>
    internal static string? FindIn(string[][] phrases, string text)
    {
        var words = Words(text);
        foreach (var wanted in phrases)
        {
            for (int start = 0; start < words.Length; start++)
            {
                if (Matches(words, start, wanted, 0)) return string.Join(' ', wanted);
            }
        }
        return null;
    }

    /// <summary>Whether <paramref name="wanted"/> from its <paramref name="next"/>th word matches at <paramref name="at"/>; <c>~</c> skips up to <see cref="Gap"/> words.</summary>
    private static bool Matches(string[] words, int at, string[] wanted, int next)
    {
        if (next == wanted.Length) return true;
        if (wanted[next] == "~")
        {
            for (int skip = 0; skip <= Gap; skip++)
            {
                if (Matches(words, at + skip, wanted, next + 1)) return true;
            }
            return false;
        }
        if (at >= words.Length) return false;
        var want = wanted[next];
        var word = words[at];
        var ok = want.EndsWith('*') ? word.StartsWith(want[..^1], StringComparison.Ordinal) : word == want;
        return ok && Matches(words, at + 1, wanted, next + 1);
    }

    /// <summary>The most words a <c>~</c> in a phrase skips ("huele ~ gas": "huele muchísimo a gas").</summary>
    private const int Gap = 3;

    /// <summary>
    /// Lower case, accents of the recognised languages removed (by table: the host runs without ICU, where
    /// <see cref="string.Normalize()"/> leaves them), split on anything that is not a letter or digit.
    /// </summary>
    internal static string[] Words(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (Plain.TryGetValue(c, out var plain)) folded.Append(plain);
            else folded.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }
        return folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static readonly Dictionary<char, string> Plain = BuildPlain();

    private static Dictionary<char, string> BuildPlain()
    {
        var table = new Dictionary<char, string> { ['ß'] = "ss", ['œ'] = "oe", ['æ'] = "ae" };
        foreach (var (letters, plain) in new[]
        {
            ("áàâäãåāą", "a"), ("éèêëēę", "e"), ("íìîïī", "i"), ("óòôöõøō", "o"), ("úùûüū", "u"), ("ýÿ", "y"),
            ("çć", "c"), ("ñń", "n"), ("ł", "l"), ("śš", "s"), ("źżž", "z"), ("'’`", " "),
        })
        {
            foreach (var c in letters) table[c] = plain;
        }
        return table;
    }
}
