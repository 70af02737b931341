using System.Globalization;

namespace SmbBot.Core.Languages;

/// <summary>A detector's best language for a text, with its confidence from 0 to 1.</summary>
public sealed record LanguageGuess(string Language, double Confidence);

/// <summary>The language a message is taken to be in, and why.</summary>
public sealed record MessageLanguage(string Code, string Why)
{
    public bool IsEnglish => Code == LanguageCatalog.English;
}

/// <summary>
/// Which language a customer's message is in. A conversation keeps its language unless a message is long enough and
/// the detector sure enough: "ok", "merci" or an English question about jamón ibérico do not switch an English
/// conversation, and "gracias" does not switch a Spanish one back.
/// </summary>
public static class LanguagePolicy
{
    /// <summary>
    /// Decides the language of <paramref name="text"/> in a conversation so far in <paramref name="conversationLanguage"/>
    /// (empty: not known, taken as English). <paramref name="vocabulary"/> holds the words of the business's own FAQ and
    /// intent examples: a message made mostly of them ("Waterproofing spray?", "Harbour Club") is in the FAQ's language,
    /// which a detector cannot tell from so few words. <paramref name="detect"/> is only called when the text could be
    /// foreign.
    /// </summary>
    public static MessageLanguage Decide(string text, string conversationLanguage, Func<string, LanguageGuess> detect, LanguageOptions options,
        IReadOnlySet<string>? vocabulary = null)
    {
        var current = LanguageCatalog.IsKnown(conversationLanguage) ? conversationLanguage : LanguageCatalog.English;
        int letters = text.Count(char.IsLetter);
        if (letters < options.MinLetters)
            return EnglishWords.Share(text) < options.EnglishWordShare && ForeignWords.Vote(text) is { } v ? Words(v, "the message is short") : new(current, $"too short to tell ({letters} letters): the conversation's language");
        if (EnglishWords.Share(text) >= options.EnglishWordShare)
            return new(LanguageCatalog.English, "English function words");
        if (vocabulary is not null && EnglishWords.Share(text, vocabulary) >= options.KnownWordShare)
            return new(LanguageCatalog.English, "the words of the business's own FAQ");
        var guess = detect(text);
        var confidence = guess.Confidence.ToString("0.00", CultureInfo.InvariantCulture);
        if (ForeignWords.Vote(text) is { } w && (w.Language != guess.Language || guess.Confidence < options.MinConfidence))
            return Words(w, $"the detector said {guess.Language} {confidence}");
        if (!LanguageCatalog.IsKnown(guess.Language) || guess.Confidence < options.MinConfidence)
        {
            // Leaning one way, with a word only that language uses ("le plombier passe quand", French at 0.69).
            if (LanguageCatalog.IsKnown(guess.Language) && guess.Confidence >= LeaningConfidence && ForeignWords.In(text, guess.Language) is [var word, ..])
                return new(guess.Language, $"detected {guess.Language} ({confidence}) with a word only it uses ({word})");
            return new(current, $"not sure ({guess.Language} {confidence}): the conversation's language");
        }
        return new(guess.Language, $"detected {guess.Language} ({confidence})");
    }

    /// <summary>
    /// Below <see cref="LanguageOptions.MinConfidence"/> but at least this sure, the detector's language is taken when the
    /// message also holds one of that language's own words (<see cref="ForeignWords"/>).
    /// </summary>
    public const double LeaningConfidence = 0.5;

    private static MessageLanguage Words((string Language, IReadOnlyList<string> Words) vote, string besides) =>
        new(vote.Language, $"words only {vote.Language} uses ({string.Join(", ", vote.Words)}); {besides}");
}
