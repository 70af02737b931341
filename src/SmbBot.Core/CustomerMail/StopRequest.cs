namespace SmbBot.Core.CustomerMail;

/// <summary>An answer that asks for no more e-mails: "stop" or "unsubscribe" alone (any case, with punctuation).</summary>
public static class StopRequest
{
    private static readonly string[] Words = ["stop", "unsubscribe", "stop emails", "stop e-mails", "stop all"];

    public static bool Is(string newText)
    {
        var words = string.Join(' ', newText.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('.', '!', ' ', '"');
        return Words.Contains(words);
    }
}
