using System.Text.RegularExpressions;

namespace SmbBot.Core;

/// <summary>
/// Masks what identifies or charges a person in customer text shown to staff outside the ticket: e-mail addresses,
/// card-like numbers (13 to 19 digits) and phone numbers (7 to 12 digits, with spaces, dashes, dots or brackets).
/// </summary>
public static partial class TextMask
{
    public const string Email = "[email]";
    public const string Card = "[card number]";
    public const string Phone = "[phone]";

    /// <summary>The text with those parts replaced by <see cref="Email"/>, <see cref="Card"/> and <see cref="Phone"/>.</summary>
    public static string Mask(string text)
    {
        var masked = EmailPattern().Replace(text, Email);
        return DigitRun().Replace(masked, m =>
        {
            var digits = m.Value.Count(char.IsAsciiDigit);
            return digits >= 13 ? Card : digits >= 7 ? Phone : m.Value;
        });
    }

    [GeneratedRegex(@"[^\s@<>()""',;:]+@[^\s@<>()""',;:]+\.[^\s@<>()""',;:]+")]
    private static partial Regex EmailPattern();

    // A run of digits joined by single separators, optionally starting with + or a bracket.
    [GeneratedRegex(@"(?<![\w])[+(]?\d(?:[\d\s().\-]{0,1}\d)+")]
    private static partial Regex DigitRun();
}
