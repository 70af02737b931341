using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The host started with Storage:Provider PostgreSql: refused with one clear line, never half on LiteDB.</summary>
public sealed class StorageProviderStartTests : IDisposable
{
    private const string Password = "pg-password-never-shown-7731";
    private readonly string _folder = RepoPaths.NewTempFolder();

    // The other wrong settings are StorageSettingsTests' table; one start here shows how the host reports them.
    [Fact]
    public async Task PostgreSql_stops_the_start_naming_the_stores_still_missing_without_the_password()
    {
        var data = Path.Combine(_folder, "data");
        var settings = new Dictionary<string, string>
        {
            ["Storage__DataPath"] = data, ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = "Host=127.0.0.1;Database=smbbot;Username=smbbot;Password=" + Password,
        };

        var (exitCode, output, errors) = await HostProcess.RunAsync(settings, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.StartsWith("SmbBot cannot start, a setting is invalid: ", errors);
        Assert.Contains("Storage:Provider PostgreSql is not complete yet: Direct Line conversations and activities, staff accounts", errors);
        Assert.Contains("(done: tickets, conversation records, outbox (alerts and e-mail), customer e-mail inbox, privacy audit log, insight, FAQ vectors)", errors);
        Assert.DoesNotContain(Password, output + errors);
        Assert.False(File.Exists(Path.Combine(data, "smbbot.db")), "no LiteDB file is made when the store is PostgreSQL");
    }

    public void Dispose() => RepoPaths.DeleteFolder(_folder);
}
