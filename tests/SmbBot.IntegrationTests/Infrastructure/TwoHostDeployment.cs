using Npgsql;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// Two real host processes on one new PostgreSQL database behind nginx with no sticky sessions, as
/// deployment/two-hosts sets them up (one Direct Line secret, the proxy's address as the public URL, the ticket read API on).
/// </summary>
public sealed class TwoHostDeployment : IDisposable
{
    private readonly List<string> _folders = [];

    private TwoHostDeployment(string database) => Database = database;

    /// <summary>The connection string of the hosts' database.</summary>
    public string Database { get; }

    public RunningHost A { get; private set; } = null!;

    public RunningHost B { get; private set; } = null!;

    public NginxProxy Proxy { get; private set; } = null!;

    /// <summary>Starts both hosts (with <paramref name="extra"/> settings) and nginx in front of them.</summary>
    public static async Task<TwoHostDeployment> StartAsync(PostgreSqlTestCluster cluster, IReadOnlyDictionary<string, string>? extra = null)
    {
        var deployment = new TwoHostDeployment(cluster.NewDatabase());
        try
        {
            var proxyPort = LoopbackPort.Free();
            var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            Dictionary<string, string> Settings()
            {
                var data = RepoPaths.NewTempFolder();
                deployment._folders.Add(data);
                var settings = new Dictionary<string, string>
                {
                    ["Storage__Provider"] = "PostgreSql",
                    ["Storage__ConnectionString"] = deployment.Database,
                    ["Storage__DataPath"] = data,
                    ["DirectLine__Secret"] = secret,
                    ["DirectLine__PublicUrl"] = $"http://127.0.0.1:{proxyPort}",
                    ["Proxy__KnownProxies"] = "127.0.0.1",
                    ["AllowedHosts"] = "*",
                    ["Tickets__ReadApi__Enabled"] = "true",
                };
                foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
                return settings;
            }
            // One after the other: the second start finds the schema in place (two at once are the migrator's own test).
            deployment.A = await HostProcess.StartAsync(Settings());
            deployment.B = await HostProcess.StartAsync(Settings());
            deployment.Proxy = await NginxProxy.StartAsync(proxyPort, [deployment.A.Client.BaseAddress!, deployment.B.Client.BaseAddress!]);
            return deployment;
        }
        catch
        {
            deployment.Dispose();
            throw;
        }
    }

    /// <summary>The port of <paramref name="host"/>, as nginx's access log names its upstream.</summary>
    public static string Upstream(RunningHost host) => $"127.0.0.1:{host.Client.BaseAddress!.Port}";

    public void Dispose()
    {
        Proxy?.Dispose();
        A?.Dispose();
        B?.Dispose();
        foreach (var folder in _folders) RepoPaths.DeleteFolder(folder);
        NpgsqlConnection.ClearAllPools();
    }
}
