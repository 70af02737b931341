namespace SmbBot.Understanding.Evaluation;

/// <summary>A benchmark's files are missing or not in the expected format; the message names the file.</summary>
public sealed class BenchmarkDataException(string message) : Exception(message);
