using SmbBot.Core.Storage;

namespace SmbBot.UnitTests.Storage;

public class BackupScheduleTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, null, 24, true)]      // no backup yet
    [InlineData(25.0, null, 24, true)]      // newest older than the interval
    [InlineData(23.0, null, 24, false)]     // newest recent enough
    [InlineData(null, 0.1, 24, false)]      // failed 6 minutes ago: wait before trying again
    [InlineData(null, 0.5, 24, true)]       // failed 30 minutes ago: try again
    [InlineData(null, null, 0, false)]      // schedule off
    public void A_backup_is_due_when_the_newest_is_older_than_the_interval_and_no_failure_is_too_recent(
        double? newestHoursAgo, double? failedHoursAgo, int everyHours, bool due)
    {
        DateTime? newest = newestHoursAgo is { } n ? Now.AddHours(-n) : null;
        DateTime? failed = failedHoursAgo is { } f ? Now.AddHours(-f) : null;

        Assert.Equal(due, BackupSchedule.IsDue(newest, failed, Now, everyHours));
    }

    [Fact]
    public void Retention_deletes_all_but_the_newest_ones()
    {
        var backups = Enumerable.Range(0, 5).Select(i => new BackupFile($"b{i}", Now.AddDays(-i))).Reverse().ToArray();

        Assert.Equal(["b3", "b4"], BackupSchedule.Expired(backups, keep: 3).Select(b => b.Path));
        Assert.Empty(BackupSchedule.Expired(backups, keep: 5));
    }

    [Fact]
    public void Backup_names_carry_their_time_and_other_files_are_not_backups()
    {
        using var folder = new TempFolder();
        var older = folder.Write(BackupFile.NameFor(Now.AddHours(-1)), "");
        var newer = folder.Write(BackupFile.NameFor(Now), "");
        folder.Write("smbbot-backup-notatime.db", "");
        folder.Write("smbbot.db", "");

        var found = BackupFile.In(folder.Path);

        Assert.Equal([newer, older], found.Select(b => b.Path));
        Assert.Equal(Now, found[0].TakenUtc);
        Assert.Empty(BackupFile.In(Path.Combine(folder.Path, "absent")));
    }
}
