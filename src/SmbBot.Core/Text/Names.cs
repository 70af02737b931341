namespace SmbBot.Core;

/// <summary>Small text rules used wherever people type or read names and previews.</summary>
public static class Names
{
    /// <summary>
    /// Reads an enum value by its name in any case ("urgent", "Open"), never by number: "2" or "-1" are not names an
    /// owner or a form would use, and Enum.TryParse would accept them.
    /// </summary>
    public static bool TryParseName<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        return !string.IsNullOrWhiteSpace(text) && !int.TryParse(text, out _) && Enum.TryParse(text.Trim(), ignoreCase: true, out value);
    }

    /// <summary>The start of <paramref name="text"/>, at most <paramref name="max"/> characters, with "…" when cut.</summary>
    public static string Preview(string text, int max) => text.Length <= max ? text : text[..max] + "…";
}
