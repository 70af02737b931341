using System.Text.Json;
using SmbBot.Core.KnowledgeFiles;

namespace SmbBot.Core.Languages;

/// <summary>The fixed replies in one language; <c>{ticket}</c> stands for the ticket's number.</summary>
/// <param name="Served">A person will answer in this language.</param>
/// <param name="NotServed">The team answers in English; a person will still answer, or write in English for the bot.</param>
/// <param name="AskEmail">Asks for an e-mail address, for a customer the ticket cannot reach otherwise.</param>
/// <param name="Added">The message was added to the open ticket.</param>
/// <param name="Urgent">Said before the others when the message names an emergency: call the emergency number, marked urgent
/// (optional in a business's file: the built-in text is used when it is left out).</param>
/// <param name="Mail">The frame of a staff reply's e-mail (optional in a business's file, per text, like <paramref name="Urgent"/>).</param>
public sealed record LanguageReplies(string Served, string NotServed, string AskEmail, string Added, string? Urgent = null, MailTexts? Mail = null);

/// <summary>
/// The replies for customers who write in another language (<c>languages.json</c> in the knowledge folder): one set per
/// language of <see cref="LanguageCatalog.Others"/>. A language the file leaves out keeps the built-in text. Part of a
/// version of the knowledge (<see cref="KnowledgeBase.Languages"/>), so an edit is published like the FAQ.
/// </summary>
public sealed class LanguageTexts
{
    public const string FileName = "languages.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true, AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip,
    };

    private readonly IReadOnlyDictionary<string, LanguageReplies> _replies;

    private LanguageTexts(IReadOnlyDictionary<string, LanguageReplies> replies) => _replies = replies;

    /// <summary>The replies in <paramref name="code"/>, or null for English and unknown languages.</summary>
    public LanguageReplies? For(string code) => _replies.GetValueOrDefault(code);

    /// <summary>The built-in texts (the sample knowledge folder's file, compiled in).</summary>
    public static LanguageTexts BuiltIn { get; } = new(Read(BuiltInJson(), "the built-in languages.json"));

    /// <summary>Whether <paramref name="other"/> gives the same reply in every language.</summary>
    public bool SameAs(LanguageTexts other) =>
        _replies.Count == other._replies.Count && _replies.All(r => Equals(other.For(r.Key), r.Value));

    /// <summary>
    /// The texts of <paramref name="knowledgeFolder"/>'s <c>languages.json</c> over the built-in ones; the built-in ones
    /// alone when it has none. A file that does not parse, names an unknown language, leaves a text empty or gives an
    /// e-mail text that cannot be filled (<see cref="MailTexts.Problem"/>) throws
    /// <see cref="KnowledgeFileException"/> naming it as <paramref name="displayName"/> with the reason.
    /// </summary>
    public static LanguageTexts Load(string knowledgeFolder, string displayName = FileName)
    {
        var path = Path.Combine(knowledgeFolder, FileName);
        if (!File.Exists(path)) return BuiltIn;
        var merged = new Dictionary<string, LanguageReplies>(BuiltIn._replies);
        foreach (var (code, replies) in Read(File.ReadAllText(path), displayName))
        {
            var builtIn = BuiltIn._replies.GetValueOrDefault(code);
            merged[code] = replies with
            {
                Urgent = string.IsNullOrWhiteSpace(replies.Urgent) ? builtIn?.Urgent : replies.Urgent,
                Mail = replies.Mail?.Over(builtIn?.Mail) ?? builtIn?.Mail,
            };
        }
        return new LanguageTexts(merged);
    }

    private static Dictionary<string, LanguageReplies> Read(string json, string source)
    {
        Dictionary<string, LanguageReplies>? file;
        try { file = JsonSerializer.Deserialize<Dictionary<string, LanguageReplies>>(json, Json); }
        catch (JsonException e) { throw new KnowledgeFileException(source, (int)(e.LineNumber ?? -1) + 1, $"not valid JSON ({e.Message})"); }
        if (file is null) throw new KnowledgeFileException(source, 0, "expected an object with one entry per language");
        foreach (var (code, replies) in file)
        {
            if (!LanguageCatalog.Others.ContainsKey(code))
                throw new KnowledgeFileException(source, 0, $"'{code}' is not a language the bot recognises (use {string.Join(", ", LanguageCatalog.Others.Keys)})");
            if (replies is null || string.IsNullOrWhiteSpace(replies.Served) || string.IsNullOrWhiteSpace(replies.NotServed)
                || string.IsNullOrWhiteSpace(replies.AskEmail) || string.IsNullOrWhiteSpace(replies.Added))
                throw new KnowledgeFileException(source, 0, $"'{code}' needs the texts served, notServed, askEmail and added");
            if (replies.Mail?.Problem() is { } problem) throw new KnowledgeFileException(source, 0, $"'{code}' {problem}");
        }
        return file;
    }

    private static string BuiltInJson()
    {
        using var stream = typeof(LanguageTexts).Assembly.GetManifestResourceStream(FileName)
            ?? throw new InvalidOperationException("the built-in languages.json is missing from the build");
        return new StreamReader(stream).ReadToEnd();
    }
}
