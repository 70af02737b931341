using System.Diagnostics;
using SmbBot.Core.Languages;
using SmbBot.IntegrationTests.Infrastructure;
using SmbBot.Understanding.Languages;

namespace SmbBot.Benchmarks;

/// <summary>
/// What reading each message's language costs: the detector's start and memory, and the time per message for the load
/// benchmark's English traffic (most of it settled before the detector is asked) and for customer questions in the
/// other languages.
/// </summary>
public static class LanguageBench
{
    private static readonly string[] Foreign =
    [
        "¿Hacen envíos a domicilio los sábados?", "Est-ce que vous livrez le samedi ?", "Liefern Sie auch am Samstag?",
        "Czy dostarczacie w soboty?", "Vocês entregam aos sábados?", "Consegnate anche il sabato?",
        "Bezorgen jullie ook op zaterdag?", "Quiero cambiar mi reserva para el viernes", "Ich möchte meine Bestellung stornieren",
        "Pouvez-vous me dire combien coûte la livraison ?", "Ile kosztuje dostawa do Krakowa?", "Mijn pakket is nog niet aangekomen",
    ];

    public static void Run(IReadOnlyList<string> english, IReadOnlySet<string> vocabulary, int seconds)
    {
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var detector = new LinguaLanguageDetector();
        detector.Detect("warm up");
        Console.WriteLine($"detector ready in {clock.ElapsedMilliseconds} ms, managed memory +{(GC.GetTotalMemory(true) - before) / 1e6:0.0} MB");
        var options = new LanguageOptions();
        int asked = 0;
        LanguageGuess Counted(string t) { asked++; return detector.Detect(t); }
        foreach (var text in english) LanguagePolicy.Decide(text, "", Counted, options, vocabulary);
        Console.WriteLine($"{english.Count} distinct benchmark texts: {asked} ({(double)asked / english.Count:P0}) reached the detector, " +
            $"{english.Count(t => LanguagePolicy.Decide(t, "", detector.Detect, options, vocabulary).Code != "en")} were not taken as English");
        foreach (var text in english.Where(t => LanguagePolicy.Decide(t, "", detector.Detect, options, vocabulary).Code != "en").Take(30))
            Console.WriteLine($"  not English: {text} ({LanguagePolicy.Decide(text, "", detector.Detect, options, vocabulary).Why})");
        foreach (var file in new[] { "short-messages-1.tsv", "short-messages-2.tsv" })
            ShortMessages(Path.Combine(RepoPaths.Root, "tests", "SmbBot.Benchmarks", file), vocabulary, detector, options);
        Measure("English benchmark texts", english, vocabulary, detector, options, seconds);
        long n = 0, found = 0;
        var incidents = Stopwatch.StartNew();
        while (incidents.Elapsed.TotalSeconds < seconds)
            foreach (var text in english) { if (SecurityIncidents.Find(text) is not null) found++; n++; }
        Console.WriteLine($"security-incident words on the English texts: {incidents.Elapsed.TotalMilliseconds * 1000 / n:0.0} µs per message ({found} found in {n})");
        Measure("customer questions in other languages", Foreign, vocabulary, detector, options, seconds);
    }

    /// <summary>
    /// Short chat messages labelled with their language (<c>lang</c>, <c>text</c>), written for this measurement by
    /// someone who had not read the code: how many are read as their language, per language, and the ones that are not.
    /// </summary>
    private static void ShortMessages(string file, IReadOnlySet<string> vocabulary, LinguaLanguageDetector detector, LanguageOptions options)
    {
        var rows = File.ReadLines(file).Skip(1).Select(l => l.Split('\t')).Where(p => p.Length == 2).ToArray();
        var decided = rows.Select(r => (Lang: r[0], Text: r[1], Got: LanguagePolicy.Decide(r[1], "", detector.Detect, options, vocabulary))).ToArray();
        Console.WriteLine($"{Path.GetFileName(file)}: {decided.Count(d => d.Got.Code == d.Lang)} of {decided.Length} read as their language; " +
            string.Join(", ", decided.GroupBy(d => d.Lang).Select(g => $"{g.Key} {g.Count(d => d.Got.Code == d.Lang)}/{g.Count()}")));
        foreach (var d in decided.Where(d => d.Got.Code != d.Lang))
            Console.WriteLine($"  {d.Lang} read as {d.Got.Code}: {d.Text} ({d.Got.Why})");
    }

    private static void Measure(string what, IReadOnlyList<string> texts, IReadOnlySet<string> vocabulary, LinguaLanguageDetector detector,
        LanguageOptions options, int seconds)
    {
        long n = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
            foreach (var text in texts) { LanguagePolicy.Decide(text, "", detector.Detect, options, vocabulary); n++; }
        Console.WriteLine($"{what}: {clock.Elapsed.TotalMilliseconds * 1000 / n:0.0} µs per message ({n} messages, 1 thread)");
    }
}
