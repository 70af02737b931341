using System.Net;
using System.Net.Sockets;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>Starting the host on an address another program already holds.</summary>
public class PortInUseTests : IDisposable
{
    private readonly string _data = RepoPaths.NewTempFolder();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("localhost")]
    public async Task A_taken_port_stops_the_start_before_any_work_with_one_line_naming_the_address_and_the_setting(string host)
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var url = $"http://{host}:{((IPEndPoint)other.LocalEndpoint).Port}";

        var (exitCode, output, errors) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["Urls"] = url, ["Storage__DataPath"] = _data }, TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains(url, line);
        Assert.Contains("--urls", line);
        Assert.Contains("ASPNETCORE_URLS", line);
        Assert.Contains("appsettings.json", line);
        Assert.DoesNotContain(" at ", output);
        // Nothing was loaded, opened or trained before the address was found taken.
        Assert.Empty(Directory.EnumerateFileSystemEntries(_data));
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
