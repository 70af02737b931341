using Lingua;
using SmbBot.Core.Languages;

namespace SmbBot.Understanding.Languages;

/// <summary>
/// Lingua's detector over English and the languages of <see cref="LanguageCatalog"/> only, in its low-accuracy mode:
/// the high-accuracy models of these eight languages take about 300 MB and 20 s to load, and short English messages,
/// where the two modes differ most, are settled before the detector is asked (<see cref="LanguagePolicy"/>).
/// Thread-safe; build it once. Its models load in the background from construction on (about 1.5 s), alongside the
/// FAQ index and the classifier; the first detection waits for them.
/// </summary>
public sealed class LinguaLanguageDetector
{
    private static readonly Dictionary<Language, string> Codes = new()
    {
        [Language.English] = LanguageCatalog.English,
        [Language.Spanish] = "es",
        [Language.French] = "fr",
        [Language.German] = "de",
        [Language.Polish] = "pl",
        [Language.Portuguese] = "pt",
        [Language.Italian] = "it",
        [Language.Dutch] = "nl",
    };

    private readonly Task<LanguageDetector> _detector = Task.Run(() => LanguageDetectorBuilder.FromLanguages([.. Codes.Keys])
        .WithLowAccuracyMode()
        .WithPreloadedLanguageModels()
        .Build());

    /// <summary>The most likely language of <paramref name="text"/> and its confidence.</summary>
    public LanguageGuess Detect(string text)
    {
        foreach (var (language, confidence) in _detector.GetAwaiter().GetResult().ComputeLanguageConfidenceValues(text))
            return new LanguageGuess(Codes.GetValueOrDefault(language, ""), confidence);
        return new LanguageGuess("", 0);
    }
}
