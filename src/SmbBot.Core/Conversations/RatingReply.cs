namespace SmbBot.Core.Conversations;

/// <summary>Reads an answer to "how would you rate the help you got (1-5)?".</summary>
public static class RatingReply
{
    /// <summary>The rating 1-5, or null when the text is not one.</summary>
    public static int? Read(string text)
    {
        var key = TextNormalizer.Key(text);
        var first = key.Split(' ', 2)[0];
        return first.Length == 1 && first[0] is >= '1' and <= '5' && key.Length <= 20 ? first[0] - '0' : null;
    }
}
