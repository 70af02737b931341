namespace SmbBot.Host.Runtime;

/// <summary>The LiteDB data file cannot be used; the message says which file and what to do.</summary>
public sealed class DataStoreException(string message, Exception inner) : Exception(message, inner);
