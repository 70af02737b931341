using System.Diagnostics;
using Npgsql;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL cluster for the tests: Debian's PostgreSQL 15 server binaries (package postgresql, installed
/// by .ci/run), initdb into a temp folder, the server on a free loopback port with no Unix socket and no fsync, started
/// once for every test class in <c>PostgreSqlCollection</c> and deleted after (the benchmarks use it too, so it needs
/// nothing else from the tests). initdb refuses to run as root, so as root the cluster belongs to <c>nobody</c>. The server is started under a shell that stops it when this test process's
/// end of its standard input closes, so a test run that dies leaves no server behind. Each test gets a database of its own.
/// </summary>
public sealed class PostgreSqlTestCluster : IDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string SuperUser = "smbbot";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "smbbot-pg-" + Guid.NewGuid().ToString("N"));
    private readonly string _data;
    private Process? _server;
    private int _databases;

    public PostgreSqlTestCluster()
    {
        if (!File.Exists(Path.Combine(Bin, "initdb")))
            throw new InvalidOperationException($"the PostgreSQL tests need Debian's postgresql package ({Bin}; apt-get install -y postgresql; .ci/run installs it)");
        Directory.CreateDirectory(_folder);
        if (AsRoot) Run("chown", "65534:65534", _folder);
        Port = LoopbackPort.Free();
        _data = Path.Combine(_folder, "data");
        Run(Path.Combine(Bin, "initdb"), "-D", _data, "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync", "--no-instructions");
        StartServer();
    }

    /// <summary>Starts the server again on the same port after <see cref="StopServer"/>.</summary>
    public void StartServer()
    {
        var server = $"'{Bin}/postgres' -D '{_data}' -p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= "
            + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
        // SIGINT is PostgreSQL's fast shutdown: it ends the sessions and stops in well under a second.
        var start = Start("sh", "-c", $"{server} >>'{_folder}/server.log' 2>&1 & pid=$!; cat >/dev/null; kill -INT $pid; wait $pid");
        start.RedirectStandardInput = true;
        _server = Process.Start(start)!;
        WaitUntilReady();
    }

    /// <summary>Stops the server (fast shutdown: open sessions are ended), for a test of a database that goes away.</summary>
    public void StopServer()
    {
        if (_server is null) return;
        _server.StandardInput.Close();
        if (!_server.WaitForExit(15_000)) _server.Kill(entireProcessTree: true);
        _server.Dispose();
        _server = null;
    }

    /// <summary>The server's port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The connection string of database <paramref name="name"/>.</summary>
    public string ConnectionString(string name = "postgres") =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = SuperUser, Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;

    /// <summary>A new empty database; its connection string.</summary>
    public string NewDatabase()
    {
        var name = $"test_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}";
        using var admin = NpgsqlDataSource.Create(ConnectionString());
        using var create = admin.CreateCommand($"CREATE DATABASE \"{name}\"");
        create.ExecuteNonQuery();
        return ConnectionString(name);
    }

    /// <summary>The server's log, for a failure message.</summary>
    public string Log() => File.Exists(Path.Combine(_folder, "server.log")) ? File.ReadAllText(Path.Combine(_folder, "server.log")) : "";

    private void WaitUntilReady()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var connection = new NpgsqlConnection(ConnectionString() + ";Pooling=false");
                connection.Open();
                return;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_server!.HasExited)
            {
                Thread.Sleep(100);
            }
            catch (NpgsqlException e)
            {
                throw new InvalidOperationException($"the test PostgreSQL server did not start: {e.Message} {Log()}", e);
            }
        }
    }

    private static ProcessStartInfo Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        if (AsRoot && file != "chown")
        {
            start.ArgumentList.Insert(0, file);
            foreach (var a in new[] { "--clear-groups", "--regid=65534", "--reuid=65534" }) start.ArgumentList.Insert(0, a);
            start.FileName = "setpriv";
            start.Environment["HOME"] = Path.GetTempPath();
        }
        return start;
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(Start(file, args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(file)} failed: {output.Result} {errors.Result}");
    }

    private static bool AsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        StopServer();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
