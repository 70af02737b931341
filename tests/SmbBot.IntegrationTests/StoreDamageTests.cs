using LiteDB;
using SmbBot.Core.Storage;
using SmbBot.Host.Backups;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The host as its own process on a damaged, lost or unwritable store: one line on standard error that names the file
/// and what to do (with the newest backup), exit code 1 (the unit's RestartPreventExitStatus), and nothing changed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and the unit file are Linux matters; CI runs on Linux
public class StoreDamageTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly string _data;
    private readonly SmbBotPaths _paths;

    public StoreDamageTests()
    {
        _data = Path.Combine(_folder, "data");
        _paths = new SmbBotPaths(RepoPaths.Root, RepoPaths.Knowledge, _data, Path.Combine(_data, "backups"));
    }

    private Dictionary<string, string> Settings => new() { ["Storage__DataPath"] = _data };

    /// <summary>A store with 300 tickets (about 1 MB) as the product makes it, and one backup of it.</summary>
    private BackupFile StoreWithBackup()
    {
        using var folderLock = DataFolderLock.Acquire(_data);
        using var db = DataStore.Open(_paths);
        db.GetCollection("tickets").InsertBulk(Enumerable.Range(1, 300).Select(i => new BsonDocument { ["Number"] = i, ["Text"] = new string('x', 3000) }));
        return StoreBackups.Take(db, _paths, new BackupOptions(), DateTime.UtcNow).File;
    }

    [Theory]
    [InlineData("zero bytes", "is empty (0 bytes), but a store was created in this folder before")]
    [InlineData("half", "is cut short: ")]
    [InlineData("garbage header", "is damaged: its first page is not a LiteDB header")]
    [InlineData("missing", "is missing, but a store was created in this folder before")]
    public async Task A_damaged_or_lost_store_stops_the_start_with_one_line_naming_the_newest_backup_and_changes_nothing(string damage, string reason)
    {
        var backup = StoreWithBackup();
        var file = _paths.Database;
        switch (damage)
        {
            case "zero bytes": File.WriteAllBytes(file, []); break;
            case "half": using (var s = new FileStream(file, FileMode.Open)) s.SetLength(s.Length / 2); break;
            case "garbage header": using (var s = new FileStream(file, FileMode.Open)) s.Write(Enumerable.Range(0, 8192).Select(i => (byte)(i * 31 + 7)).ToArray()); break;
            case "missing": File.Delete(file); break;
        }
        var before = File.Exists(file) ? File.ReadAllBytes(file) : null;

        var (exitCode, _, errors) = await HostProcess.RunAsync(Settings, TimeSpan.FromSeconds(90));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"SmbBot cannot start: the data file {file} {reason}", line);
        Assert.Contains($"restore \"{backup.Path}\"", line);
        Assert.Equal(before, File.Exists(file) ? File.ReadAllBytes(file) : null);
    }

    [Fact]
    public async Task The_restore_the_message_names_brings_the_store_back_and_keeps_the_damaged_file_aside()
    {
        var backup = StoreWithBackup();
        using (var s = new FileStream(_paths.Database, FileMode.Open)) s.SetLength(s.Length / 2);
        var damaged = File.ReadAllBytes(_paths.Database);

        var (exitCode, output, errors) = await HostProcess.RunAsync(Settings, TimeSpan.FromSeconds(60), "restore", backup.Path);

        Assert.Equal((0, ""), (exitCode, errors));
        Assert.Contains("tickets 300", output);
        Assert.Equal(DataFileCondition.Sound, DataFileCheck.Inspect(_paths.Database).Condition);
        var keptAside = Assert.Single(Directory.GetDirectories(_data, "replaced-*"));
        Assert.Equal(damaged, File.ReadAllBytes(Path.Combine(keptAside, "smbbot.db")));
    }

    [Fact]
    public async Task A_read_only_data_file_is_named_as_read_only_not_as_in_use()
    {
        StoreWithBackup();
        Unprivileged.Own(_folder);
        File.SetUnixFileMode(_paths.Database, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (exitCode, _, errors) = await HostProcess.RunUnprivilegedAsync(Settings, TimeSpan.FromSeconds(90));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"SmbBot cannot start: the data file {_paths.Database} is read-only for the account '{Unprivileged.AccountName}'", line);
    }

    [Fact]
    public async Task A_data_folder_the_account_cannot_write_in_is_named_as_such_not_as_in_use()
    {
        StoreWithBackup();
        Unprivileged.Own(_folder);
        File.SetUnixFileMode(_data, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var (exitCode, _, errors) = await HostProcess.RunUnprivilegedAsync(Settings, TimeSpan.FromSeconds(90));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"SmbBot cannot start: the account '{Unprivileged.AccountName}' cannot write in the data folder {_data}", line);
    }

    public void Dispose()
    {
        if (Directory.Exists(_data)) File.SetUnixFileMode(_data, (UnixFileMode)0b111_000_000);
        RepoPaths.DeleteFolder(_folder);
    }
}
