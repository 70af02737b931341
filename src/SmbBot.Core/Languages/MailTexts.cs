using System.Text.RegularExpressions;

namespace SmbBot.Core.Languages;

/// <summary>
/// The frame of the e-mail that carries a staff reply (<c>mail</c> in <c>languages.json</c>): everything around the
/// reply and the conversation. Placeholders: <c>{ticket}</c>, <c>{business}</c>, <c>{staff}</c>, <c>{count}</c>, as
/// <see cref="Allowed"/> lists per text. A text a business's file leaves out keeps the built-in one.
/// </summary>
public sealed partial record MailTexts(
    string? Subject = null, string? Wrote = null, string? HowToAnswer = null, string? Conversation = null,
    string? Omitted = null, string? You = null, string? YouByEmail = null, string? Assistant = null)
{
    /// <summary>Today's English frame, used for tickets in English or in no language of <see cref="LanguageCatalog.Others"/>.</summary>
    public static MailTexts English { get; } = new(
        Subject: "[{ticket}] Reply from {business}",
        Wrote: "{staff} from {business} wrote:",
        HowToAnswer: "To answer, reply to this e-mail (keep {ticket} in the subject). Write \"stop\" alone to get no more e-mails about this request.",
        Conversation: "--- Your conversation with {business} so far ({ticket}) ---",
        Omitted: "({count} earlier messages left out)",
        You: "You",
        YouByEmail: "You (by e-mail)",
        Assistant: "{business} assistant");

    /// <summary>Each text's JSON name, the placeholders it may use, and those it must use.</summary>
    private static readonly (string Name, Func<MailTexts, string?> Text, string[] Allowed, string[] Required)[] Rules =
    [
        ("subject", t => t.Subject, ["ticket", "business"], ["ticket"]),
        ("wrote", t => t.Wrote, ["staff", "business"], []),
        ("howToAnswer", t => t.HowToAnswer, ["ticket", "business"], ["ticket"]),
        ("conversation", t => t.Conversation, ["ticket", "business"], []),
        ("omitted", t => t.Omitted, ["count"], ["count"]),
        ("you", t => t.You, [], []),
        ("youByEmail", t => t.YouByEmail, [], []),
        ("assistant", t => t.Assistant, ["business"], []),
    ];

    /// <summary>These texts, with <paramref name="fallback"/>'s where one is left out or blank.</summary>
    public MailTexts Over(MailTexts? fallback) => fallback is null ? this : new(
        Pick(Subject, fallback.Subject), Pick(Wrote, fallback.Wrote), Pick(HowToAnswer, fallback.HowToAnswer),
        Pick(Conversation, fallback.Conversation), Pick(Omitted, fallback.Omitted), Pick(You, fallback.You),
        Pick(YouByEmail, fallback.YouByEmail), Pick(Assistant, fallback.Assistant));

    /// <summary>
    /// Why a text given here cannot be used, or null: an unknown placeholder, a required one missing, a subject that
    /// does not start with <c>[{ticket}]</c> (an answer finds its ticket by that number), or a how-to-answer that does
    /// not name the word "stop" (the only word <see cref="CustomerMail.StopRequest"/> understands).
    /// </summary>
    public string? Problem()
    {
        foreach (var (name, text, allowed, required) in Rules)
        {
            if (text(this) is not { } value || string.IsNullOrWhiteSpace(value)) continue;
            var used = Placeholder().Matches(value).Select(m => m.Groups[1].Value).ToHashSet();
            if (used.FirstOrDefault(p => !allowed.Contains(p)) is { } unknown)
                return $"mail.{name} uses {{{unknown}}}, which it cannot fill ({(allowed.Length == 0 ? "it takes no placeholders" : "use " + string.Join(", ", allowed.Select(a => $"{{{a}}}")))})";
            if (required.FirstOrDefault(p => !used.Contains(p)) is { } missing)
                return $"mail.{name} needs {{{missing}}}" + (missing == "ticket" ? ": the number is how a customer's answer finds its ticket" : "");
        }
        if (Subject is { } subject && !string.IsNullOrWhiteSpace(subject) && !subject.TrimStart().StartsWith("[{ticket}]", StringComparison.Ordinal))
            return "mail.subject must start with [{ticket}]: the number is how a customer's answer finds its ticket";
        if (HowToAnswer is { } how && !string.IsNullOrWhiteSpace(how) && !how.Contains("stop", StringComparison.OrdinalIgnoreCase))
            return "mail.howToAnswer must tell the customer to write \"stop\" to get no more e-mails (the word the bot understands)";
        return null;
    }

    private static string? Pick(string? own, string? fallback) => string.IsNullOrWhiteSpace(own) ? fallback : own;

    [GeneratedRegex(@"\{(\w*)\}")]
    private static partial Regex Placeholder();
}
