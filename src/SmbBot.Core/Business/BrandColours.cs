using System.Globalization;

namespace SmbBot.Core.Business;

/// <summary>Colours derived from the business's accent, so any accent an owner picks stays readable.</summary>
public static class BrandColours
{
    /// <summary>White or near-black text, whichever contrasts more with <paramref name="hex"/> (WCAG relative luminance).</summary>
    public static string TextOn(string hex) => Luminance(hex) > 0.179 ? "#1d2521" : "#ffffff";

    /// <summary>A pale tint of the accent for the customer's bubbles: 12 % of the colour on white.</summary>
    public static string Soft(string hex)
    {
        var (r, g, b) = Rgb(hex);
        static int Mix(int c) => (int)Math.Round(255 - (255 - c) * 0.12);
        return $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}";
    }

    private static double Luminance(string hex)
    {
        var (r, g, b) = Rgb(hex);
        static double Linear(int c) { var s = c / 255.0; return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4); }
        return 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
    }

    private static (int R, int G, int B) Rgb(string hex) => (
        int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
        int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
}
