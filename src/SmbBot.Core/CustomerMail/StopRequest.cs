namespace SmbBot.Core.CustomerMail;

/// <summary>
/// An answer that asks for no more e-mails: "stop" or "unsubscribe" alone (any case, with punctuation). The e-mails in
/// every language ask for the English word, quoted the language's way (« stop », „stop“), so those quotes count too.
/// </summary>
public static class StopRequest
{
    private static readonly string[] Words = ["stop", "unsubscribe", "stop emails", "stop e-mails", "stop all"];

    private static readonly char[] Punctuation = ['.', '!', ' ', '"', '\'', '«', '»', '„', '“', '”', '‘', '’'];

    public static bool Is(string newText)
    {
        var words = string.Join(' ', newText.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim(Punctuation);
        return Words.Contains(words);
    }
}
