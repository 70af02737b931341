using System.Net.Http.Json;
using System.Text.Json.Nodes;
using LiteDB;
using SmbBot.Host.Configuration;
using SmbBot.Host.Runtime;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// Backups as an owner takes them: the <c>backup</c> command while the host serves, <c>restore</c> into a new data
/// folder, the host started on it; the schedule's retention, a failing backup in <c>/health/ready</c>, the settings.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are a Unix matter; CI runs on Linux
public class BackupTests : IDisposable
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;
    private readonly string _folder = RepoPaths.NewTempFolder();

    private Dictionary<string, string> Settings(string data, params (string, string)[] more)
    {
        var settings = new Dictionary<string, string> { ["Storage__DataPath"] = data, ["Tickets__ReadApi__Enabled"] = "true" };
        foreach (var (k, v) in more) settings[k] = v;
        return settings;
    }

    [Fact]
    public async Task A_backup_taken_while_the_host_serves_restores_into_a_new_folder_with_the_same_tickets_and_staff()
    {
        var data = Path.Combine(_folder, "data");
        var settings = Settings(data, ("Backup__Keep", "1"));
        var copy = Path.Combine(_folder, "copy.db");
        Assert.Equal(0, (await HostProcess.RunWithInputAsync(settings, TimeSpan.FromSeconds(60), "a-long-password-1\n", "staff", "add", "ann@example.com", "Ann", "admin")).ExitCode);

        Dictionary<string, string> tickets = [];
        using (var host = await HostProcess.StartAsync(settings))
        {
            for (int i = 0; i < 3; i++)
            {
                var replies = await Activities.AskAsync(host.Client, $"I need to talk to a person about my invoice {i}", $"backup-{i}");
                var number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
                tickets[number] = await TicketJson(host.Client, number);
            }
            (await host.Client.PostAsync("/api/webchat/token", null)).EnsureSuccessStatusCode();

            var chatting = Task.Run(async () =>
            {
                for (int i = 0; i < 10; i++) await Activities.AskAsync(host.Client, "hello", "backup-busy");
            });
            var (exitCode, output, errors) = await HostProcess.RunAsync(settings, TimeSpan.FromSeconds(150), "backup", "--to", copy);
            await chatting;

            Assert.Equal((0, ""), (exitCode, errors));
            Assert.Contains("tickets 3", output);
            Assert.Contains("staff 1", output);
            var written = output.Split('\n')[0]["backup written: ".Length..output.IndexOf(" (", StringComparison.Ordinal)];
            var backup = (await host.Client.GetFromJsonAsync<JsonObject>("/health/ready"))!["backup"]!;
            Assert.Equal(written, (string?)backup["lastBackupFile"]);
            Assert.False((bool)backup["failing"]!);
            Assert.Equal([written], Directory.GetFiles(Path.Combine(data, "backups"))); // Keep=1: the backup taken at start is gone

            Assert.Equal(OwnerFolder, File.GetUnixFileMode(data));
            Assert.Equal(OwnerFolder, File.GetUnixFileMode(Path.Combine(data, "backups")));
            foreach (var file in new[] { "smbbot.db", "smbbot-log.db", "smbbot.created", "smbbot.lock", "directline.secret" })
                Assert.Equal((file, OwnerFile), (file, File.GetUnixFileMode(Path.Combine(data, file))));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(written));
            Assert.Equal(OwnerFile, File.GetUnixFileMode(copy));

            var refused = await HostProcess.RunAsync(settings, TimeSpan.FromSeconds(60), "restore");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains($"SmbBot is running on {data}; stop it first", refused.Errors);
            Assert.Empty(Directory.GetDirectories(data, "replaced-*"));
        }

        var restoredData = Path.Combine(_folder, "restored");
        var restore = await HostProcess.RunAsync(Settings(restoredData), TimeSpan.FromSeconds(60), "restore", copy);
        Assert.Equal((0, ""), (restore.ExitCode, restore.Errors));
        using (var restored = await HostProcess.StartAsync(Settings(restoredData)))
        {
            foreach (var (number, json) in tickets) Assert.Equal(json, await TicketJson(restored.Client, number));
        }
        Assert.Equal(Staff(data), Staff(restoredData));
        Assert.Contains(Staff(restoredData), account => account.Contains("ann@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_backup_shows_in_health_ready_and_the_bot_stays_ready()
    {
        var notAFolder = Path.Combine(_folder, "not-a-folder");
        File.WriteAllText(notAFolder, "a file where the backup folder's parent should be");
        var settings = Settings(Path.Combine(_folder, "data"), ("Backup__Folder", Path.Combine(notAFolder, "backups")));

        using var host = await HostProcess.StartAsync(settings);
        JsonObject ready;
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await Task.Delay(200);
            ready = (await host.Client.GetFromJsonAsync<JsonObject>("/health/ready"))!;
        }
        while (!(bool)ready["backup"]!["failing"]! && DateTime.UtcNow < deadline);

        Assert.True((bool)ready["ready"]!);
        Assert.True((bool)ready["backup"]!["failing"]!);
        Assert.False(string.IsNullOrEmpty((string?)ready["backup"]!["lastFailure"]));
        Assert.Null((string?)ready["backup"]!["lastBackupAt"]);
        var (exitCode, _, errors) = await HostProcess.RunAsync(settings, TimeSpan.FromSeconds(150), "backup");
        Assert.Equal(1, exitCode);
        Assert.StartsWith("error: the backup failed: ", errors);
    }

    [Theory]
    [InlineData("Backup__Keep", "0", "Keep")]
    [InlineData("Backup__EveryHours", "-1", "EveryHours")]
    [InlineData("Backup__Folder", "DATA", "Backup:Folder must be a folder of its own")]
    public async Task Invalid_backup_settings_stop_the_start_naming_the_setting(string setting, string value, string named)
    {
        var data = Path.Combine(_folder, "data");
        var (exitCode, _, errors) = await HostProcess.RunAsync(Settings(data, (setting, value == "DATA" ? data : value)), TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("SmbBot cannot start, a setting is invalid: ", errors);
        Assert.Contains(named, errors);
    }

    private static async Task<string> TicketJson(HttpClient client, string number) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!.ToJsonString();

    private static string[] Staff(string data)
    {
        var paths = new SmbBotPaths(RepoPaths.Root, RepoPaths.Knowledge, data, Path.Combine(data, "backups"));
        using var folderLock = DataFolderLock.Acquire(data);
        using var db = DataStore.Open(paths);
        return db.GetCollection("staff").FindAll().Select(d => JsonSerializer.Serialize(d)).Order().ToArray();
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);
}
