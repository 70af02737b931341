using System.Globalization;
using System.Text;

namespace SmbBot.Core;

/// <summary>Turns what a customer typed into text that is safe to classify and compare.</summary>
public static class TextNormalizer
{
    /// <summary>
    /// Removes control and format characters (keeping letters of every script and emoji), collapses white space and
    /// keeps at most <paramref name="maxChars"/> characters without splitting a surrogate pair.
    /// </summary>
    public static string Clean(string? text, int maxChars)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(Math.Min(text.Length, maxChars));
        bool space = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsWhiteSpace(rune) || category is UnicodeCategory.Control or UnicodeCategory.Format)
            {
                space = sb.Length > 0;
                continue;
            }
            if (category is UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
                || rune == Rune.ReplacementChar) // what a lone surrogate decodes to
                continue;
            int needed = rune.Utf16SequenceLength + (space ? 1 : 0);
            if (sb.Length + needed > maxChars) break;
            if (space) sb.Append(' ');
            space = false;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }

    /// <summary>A comparison key: lower case, letters and digits only, single spaces.</summary>
    public static string Key(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                space = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>True when two texts differ only in case, spacing and punctuation.</summary>
    public static bool SameText(string a, string b) => Key(a) == Key(b);
}
