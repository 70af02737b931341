namespace SmbBot.Core.Languages;

/// <summary>
/// English function words that are not words of the other languages the bot recognises ("is", "we", "of", "do", "to",
/// "on", "in" are, so they do not count). Names, dishes and places in an English message do not make it foreign.
/// </summary>
public static class EnglishWords
{
    private static readonly HashSet<string> Markers = new(StringComparer.Ordinal)
    {
        "the", "you", "your", "you're", "can", "can't", "cannot", "what", "what's", "how", "when", "where", "where's",
        "which", "who", "why", "with", "my", "i", "i'm", "i'd", "i'll", "i've", "have", "has", "hasn't", "haven't",
        "and", "this", "that", "these", "those", "there", "please", "would", "could", "should", "any", "much", "many",
        "from", "at", "not", "if", "about", "does", "doesn't", "did", "didn't", "don't", "are", "aren't", "isn't", "our",
        "it", "it's", "they", "their", "them", "every", "get", "been", "for", "just", "still", "yet", "yes", "thanks",
    };

    /// <summary>
    /// The share of <paramref name="text"/>'s words that are English function words, or words of
    /// <paramref name="known"/> (0 when it has no words).
    /// </summary>
    public static double Share(string text, IReadOnlySet<string>? known = null)
    {
        int words = 0, english = 0;
        foreach (var word in Words(text))
        {
            words++;
            if (Markers.Contains(word) || known?.Contains(word) == true) english++;
        }
        return words == 0 ? 0 : (double)english / words;
    }

    /// <summary>The words of <paramref name="text"/>, lower case, apostrophes kept inside ("it's").</summary>
    public static IEnumerable<string> Words(string text)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && (char.IsLetter(text[i]) || (text[i] is '\'' or '’' && start >= 0));
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].Replace('’', '\'').Trim('\'').ToLowerInvariant();
                start = -1;
            }
        }
    }
}
