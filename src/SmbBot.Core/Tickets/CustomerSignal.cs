using System.Text.RegularExpressions;

namespace SmbBot.Core.Tickets;

/// <summary>How the customer sounds, from their own words: a cue for staff, not a judgement.</summary>
public sealed class CustomerSignal
{
    /// <summary><c>calm</c>, <c>unhappy</c> or <c>angry</c>.</summary>
    public string Tone { get; set; } = "calm";

    /// <summary>The customer's words suggest danger or a deadline.</summary>
    public bool Urgent { get; set; }

    /// <summary>The words that led to the reading, for staff to judge.</summary>
    public List<string> Cues { get; set; } = [];
}

/// <summary>Reads a <see cref="CustomerSignal"/> from the customer's messages with a small word list.</summary>
public static partial class CustomerSignalReader
{
    private static readonly string[] Unhappy =
    [
        "disappointed", "unhappy", "not happy", "poor", "bad", "wrong", "broken", "late", "still", "again", "waiting",
        "never", "nobody", "refund", "complain", "complaint", "problem", "issue", "annoyed", "frustrat",
    ];

    private static readonly string[] Angry =
    [
        "unacceptable", "furious", "disgusting", "appalling", "terrible", "worst", "ridiculous", "rubbish", "outraged",
        "livid", "scam", "lawyer", "trading standards", "sue ",
    ];

    private static readonly string[] UrgentWords =
    [
        "urgent", "emergency", "asap", "immediately", "right now", "danger", "fire", "smoke", "gas", "injur", "hurt",
        "burn", "bleed", "unsafe", "shock", "collapsed", "today",
    ];

    /// <summary>Reads the signal from <paramref name="customerTexts"/>; an urgent intent always counts as urgent.</summary>
    public static CustomerSignal Read(IEnumerable<string> customerTexts, bool urgentIntent)
    {
        var cues = new List<string>();
        int unhappy = 0, angry = 0;
        bool urgent = urgentIntent;
        foreach (var raw in customerTexts)
        {
            var text = raw.ToLowerInvariant();
            foreach (var w in Unhappy.Where(text.Contains)) { unhappy++; cues.Add(w.Trim()); }
            foreach (var w in Angry.Where(text.Contains)) { angry++; cues.Add(w.Trim()); }
            foreach (var w in UrgentWords.Where(text.Contains)) { urgent = true; cues.Add(w.Trim()); }
            if (Shouting().IsMatch(raw)) { angry++; cues.Add("capitals"); }
            if (raw.Contains("!!", StringComparison.Ordinal)) { unhappy++; cues.Add("!!"); }
        }
        var tone = angry > 0 ? "angry" : unhappy > 0 ? "unhappy" : "calm";
        return new CustomerSignal { Tone = tone, Urgent = urgent, Cues = cues.Distinct().Take(10).ToList() };
    }

    [GeneratedRegex(@"\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b")]
    private static partial Regex Shouting();
}
