using SmbBot.Core.Storage;

namespace SmbBot.Host.Backups;

/// <summary>The last backup and the last failed one, for <c>/health/ready</c> and the schedule.</summary>
public sealed class BackupStatus
{
    private readonly Lock _gate = new();
    private BackupReport _report;

    /// <summary>Starts from the newest backup already in <paramref name="folder"/>.</summary>
    public BackupStatus(string folder)
    {
        var newest = BackupFile.In(folder).FirstOrDefault();
        _report = new BackupReport(folder, newest?.TakenUtc, newest?.Path, null, null);
    }

    /// <summary>What is known now.</summary>
    public BackupReport Report
    {
        get { lock (_gate) return _report; }
    }

    /// <summary>Records a backup taken.</summary>
    public void Succeeded(BackupFile file)
    {
        lock (_gate) _report = _report with { LastBackupAt = file.TakenUtc, LastBackupFile = file.Path };
    }

    /// <summary>Records a failed backup; the reason is a file system or LiteDB message, never customer text.</summary>
    public void Failed(DateTime atUtc, string reason)
    {
        lock (_gate) _report = _report with { LastFailureAt = atUtc, LastFailure = reason };
    }
}

/// <summary>Backups as <c>/health/ready</c> shows them. A failure newer than the last backup means backups are failing now.</summary>
public sealed record BackupReport(string Folder, DateTime? LastBackupAt, string? LastBackupFile, DateTime? LastFailureAt, string? LastFailure)
{
    /// <summary>True when the most recent attempt failed.</summary>
    public bool Failing => LastFailureAt is { } failed && (LastBackupAt is not { } last || failed > last);
}
