using LiteDB;
using SmbBot.Bot.Hosting;
using SmbBot.Core.Storage;
using SmbBot.Host.Configuration;

namespace SmbBot.Host.Backups;

/// <summary>
/// Takes the scheduled backups (every <c>Backup:EveryHours</c>, counted from the newest backup, so a restart does not
/// reset the clock) and answers the <c>backup</c> command's requests, checking for them every second.
/// </summary>
public sealed partial class BackupScheduler(ILiteDatabase database, SmbBotPaths paths, BackupOptions options, BackupStatus status,
    TimeProvider clock, ILogger<BackupScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        do
        {
            await PeriodicWork.RunOnceAsync(nameof(BackupScheduler), () => PassAsync(stoppingToken), logger);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PassAsync(CancellationToken stoppingToken)
    {
        var requests = BackupRequests.Pending(paths.Data);
        var report = status.Report;
        var now = clock.GetUtcNow().UtcDateTime;
        if (requests.Count == 0 && !BackupSchedule.IsDue(report.LastBackupAt, report.LastFailureAt, now, options.EveryHours)) return;

        var answer = await Task.Run(() => TakeBackup(now), stoppingToken);
        foreach (var id in requests) BackupRequests.Answer(paths.Data, id, answer);
    }

    // Runs on a thread of its own from start to end: LiteDB transactions belong to the thread that opened them.
    private BackupAnswer TakeBackup(DateTime now)
    {
        try
        {
            var taken = StoreBackups.Take(database, paths, options, now);
            status.Succeeded(taken.File);
            LogTaken(taken.File.Path, taken.Contents.ToString());
            return new BackupAnswer(taken.File.Path, taken.Contents.ToString(), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LiteException or InvalidDataException or InvalidOperationException)
        {
            status.Failed(now, e.Message);
            LogFailed(paths.Backups, e.Message);
            return new BackupAnswer(null, null, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup taken: {File} ({Contents})")]
    private partial void LogTaken(string file, string contents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Backup into {Folder} failed: {Reason}")]
    private partial void LogFailed(string folder, string reason);
}
