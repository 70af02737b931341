namespace SmbBot.Core.Conversations;

/// <summary>What a customer's answer to "what's your e-mail address?" was.</summary>
public enum EmailReplyKind { Email, Declined, NotAnEmail, SomethingElse }

/// <summary>Reads an answer to the e-mail question.</summary>
public static class EmailReply
{
    private static readonly HashSet<string> Declines =
    [
        "skip", "no", "nope", "no thanks", "no thank you", "i d rather not", "rather not", "prefer not to say",
        "i prefer not to", "don t want to", "i don t want to", "no email", "no e mail", "not now", "pass",
    ];

    /// <summary>The kind of answer and, for <see cref="EmailReplyKind.Email"/>, the address.</summary>
    public static (EmailReplyKind Kind, string? Email) Read(string text)
    {
        if (Declines.Contains(TextNormalizer.Key(text))) return (EmailReplyKind.Declined, null);
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var candidate = tokens.FirstOrDefault(t => t.Contains('@'));
        if (candidate is not null)
        {
            candidate = candidate.Trim('.', ',', ';', ':', '!', '?', '(', ')', '<', '>', '"', '\'');
            return Crm.CustomerCsvLoader.IsEmail(candidate) ? (EmailReplyKind.Email, candidate) : (EmailReplyKind.NotAnEmail, null);
        }
        // One word with a dot ("anna.example.com") or "name at domain dot com" is a failed attempt, not a question.
        if (tokens.Length == 1 && tokens[0].Contains('.')) return (EmailReplyKind.NotAnEmail, null);
        if (text.Contains(" at ", StringComparison.OrdinalIgnoreCase) && text.Contains(" dot ", StringComparison.OrdinalIgnoreCase))
            return (EmailReplyKind.NotAnEmail, null);
        return (EmailReplyKind.SomethingElse, null);
    }

    /// <summary>Words that may stand around an address the customer offers unasked ("my email is ...").</summary>
    private static readonly HashSet<string> OfferWords =
    [
        "my", "email", "e", "mail", "address", "is", "it", "s", "its", "here", "you", "can", "reach", "me", "at", "on",
        "use", "contact", "the", "this", "that", "and", "please", "pls", "thanks", "thank", "ok", "oh", "by", "via",
    ];

    /// <summary>
    /// The address in a message that is nothing but an address offered ("anna@example.com", "my email is
    /// anna@example.com, thanks"), or null: an address inside anything else ("the boiler is leaking, email me at ...",
    /// "I emailed sales@... yesterday") is a message about something else and is understood as one.
    /// </summary>
    public static string? ReadOffered(string text)
    {
        if (Read(text) is not (EmailReplyKind.Email, { } email)) return null;
        var rest = TextNormalizer.Key(text.Replace(email, " ", StringComparison.OrdinalIgnoreCase));
        return rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(OfferWords.Contains) ? email : null;
    }
}
