namespace SmbBot.Core.KnowledgeFiles;

/// <summary>A knowledge file that cannot be used; names the file, the line and what is wrong.</summary>
public sealed class KnowledgeFileException(string file, int line, string reason)
    : Exception(line > 0 ? $"{file} line {line}: {reason}" : $"{file}: {reason}")
{
    /// <summary>The file, as given to the loader.</summary>
    public string File { get; } = file;

    /// <summary>The 1-based line where the problem starts, or 0 when it concerns the whole file.</summary>
    public int Line { get; } = line;

    /// <summary>What is wrong, in words an owner can act on.</summary>
    public string Reason { get; } = reason;

    /// <summary>What else was found unusable before loading gave up, so that everything can be fixed in one go.</summary>
    public IReadOnlyList<KnowledgeProblem> Problems { get; init; } = [];
}
