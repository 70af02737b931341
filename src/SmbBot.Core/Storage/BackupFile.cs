using System.Globalization;

namespace SmbBot.Core.Storage;

/// <summary>A backup of the store: <c>smbbot-backup-yyyyMMdd-HHmmss-fff.db</c>, named by when it was taken (UTC).</summary>
public sealed record BackupFile(string Path, DateTime TakenUtc)
{
    private const string Prefix = "smbbot-backup-";
    private const string Format = "yyyyMMdd-HHmmss-fff";

    /// <summary>The file name for a backup taken at <paramref name="takenUtc"/>.</summary>
    public static string NameFor(DateTime takenUtc) => Prefix + takenUtc.ToString(Format, CultureInfo.InvariantCulture) + ".db";

    /// <summary>The backup at <paramref name="path"/>, or null when the name is not a backup's.</summary>
    public static BackupFile? From(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !name.EndsWith(".db", StringComparison.Ordinal)) return null;
        var stamp = name[Prefix.Length..^3];
        return DateTime.TryParseExact(stamp, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var taken) ? new BackupFile(path, taken) : null;
    }

    /// <summary>The backups in <paramref name="folder"/>, newest first; none when the folder does not exist.</summary>
    public static IReadOnlyList<BackupFile> In(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, Prefix + "*.db").Select(From).OfType<BackupFile>().OrderByDescending(b => b.TakenUtc).ToArray()
            : [];
}

/// <summary>When backups are taken and which are kept.</summary>
public static class BackupSchedule
{
    /// <summary>How long after a failed backup the next attempt waits.</summary>
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromMinutes(15);

    /// <summary>
    /// True when a scheduled backup is due: scheduling is on (<paramref name="everyHours"/> &gt; 0), the newest backup is
    /// older than the interval (or there is none), and a failed attempt is not too recent to try again.
    /// </summary>
    public static bool IsDue(DateTime? newestUtc, DateTime? lastFailureUtc, DateTime nowUtc, int everyHours) =>
        everyHours > 0
        && (newestUtc is not { } newest || nowUtc - newest >= TimeSpan.FromHours(everyHours))
        && (lastFailureUtc is not { } failed || nowUtc - failed >= RetryAfterFailure);

    /// <summary>The backups to delete so that the newest <paramref name="keep"/> remain.</summary>
    public static IReadOnlyList<BackupFile> Expired(IEnumerable<BackupFile> backups, int keep) =>
        backups.OrderByDescending(b => b.TakenUtc).Skip(keep).ToArray();
}
