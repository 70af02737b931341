namespace SmbBot.Understanding;

/// <summary>Where the understanding reads the knowledge and keeps its trained models (absolute paths).</summary>
public sealed record UnderstandingPaths(string Knowledge, string Models);
