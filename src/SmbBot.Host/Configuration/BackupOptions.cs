using System.ComponentModel.DataAnnotations;

namespace SmbBot.Host.Configuration;

/// <summary>Backups of the store (section <c>Backup</c>).</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>Folder for backups; empty means <c>backups</c> inside <c>Storage:DataPath</c>. Relative paths resolve against the root.</summary>
    public string Folder { get; set; } = "";

    /// <summary>Hours between scheduled backups; 0 turns them off (the <c>backup</c> command still works).</summary>
    [Range(0, 8760)] public int EveryHours { get; set; } = 24;

    /// <summary>How many backups to keep in <see cref="Folder"/>; older ones are deleted after each new one.</summary>
    [Range(1, 1000)] public int Keep { get; set; } = 7;

    /// <summary>The problem with where the backups go, or null: they must not share the data folder itself.</summary>
    public static string? FolderProblem(SmbBotPaths paths) =>
        string.Equals(Path.TrimEndingDirectorySeparator(paths.Backups), Path.TrimEndingDirectorySeparator(paths.Data),
            OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal)
            ? $"{SectionName}:Folder must be a folder of its own, not the data folder {paths.Data}"
            : null;

    /// <summary>Binds and validates the section for a command verb, as the server does at start.</summary>
    public static BackupOptions Read(IConfiguration configuration, SmbBotPaths paths)
    {
        var options = RoutingSettings.Read<BackupOptions>(configuration, SectionName);
        if (FolderProblem(paths) is { } problem) throw new Microsoft.Extensions.Options.OptionsValidationException(SectionName, typeof(BackupOptions), [problem]);
        return options;
    }
}
