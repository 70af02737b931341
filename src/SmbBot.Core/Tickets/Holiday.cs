using System.Globalization;

namespace SmbBot.Core.Tickets;

/// <summary>
/// Days the business is closed whatever its weekly hours say: one date or a range of dates (both ends included), in
/// the business's time zone, with an optional label the customer is told ("Christmas").
/// </summary>
public sealed record Holiday(DateOnly First, DateOnly Last, string? Label)
{
    /// <summary>Longest closure one entry may describe; a longer one is almost certainly a typing mistake.</summary>
    public const int MaxDays = 366;

    /// <summary>True when <paramref name="date"/> falls inside the holiday.</summary>
    public bool Covers(DateOnly date) => date >= First && date <= Last;

    /// <summary>
    /// Reads <c>2026-12-25</c> or <c>2026-12-24..2026-12-26</c>, optionally followed by a label after a space
    /// (<c>2026-12-24..2026-12-26 Christmas</c>). Returns null with the problem when the text is not that.
    /// </summary>
    public static Holiday? Parse(string? text, out string? problem)
    {
        problem = null;
        var trimmed = text?.Trim() ?? "";
        var space = trimmed.IndexOfAny([' ', '\t']);
        var dates = space < 0 ? trimmed : trimmed[..space];
        var label = space < 0 ? null : trimmed[(space + 1)..].Trim();
        var ends = dates.Split("..");
        if (ends.Length is < 1 or > 2 || !TryDate(ends[0], out var first) || !TryDate(ends[^1], out var last))
        {
            problem = "must be a date (2026-12-25) or a range (2026-12-24..2026-12-26), optionally followed by a label";
            return null;
        }
        if (last < first)
        {
            problem = "ends before it starts";
            return null;
        }
        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            problem = $"is longer than {MaxDays} days";
            return null;
        }
        return new Holiday(first, last, string.IsNullOrEmpty(label) ? null : label);
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
