namespace SmbBot.Host.Runtime;

/// <summary>The LiteDB data file cannot be used; the message, one line, says which file and what to do.</summary>
public sealed class DataStoreException : Exception
{
    public DataStoreException(string message, Exception? inner = null) : base(OneLine(message), inner) { }

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
