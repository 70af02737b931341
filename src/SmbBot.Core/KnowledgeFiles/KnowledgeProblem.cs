namespace SmbBot.Core.KnowledgeFiles;

/// <summary>
/// Something in a knowledge file that the bot could not use: the file, the line (0 for the whole file) and what is
/// wrong, in words an owner can act on. The rest of the file is still used.
/// </summary>
public sealed record KnowledgeProblem(string File, int Line, string Reason)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{File} line {Line}: {Reason}" : $"{File}: {Reason}";
}
