using System.Diagnostics;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// Debian's nginx in front of several hosts, as deployment/two-hosts sets it up: round robin with no sticky sessions,
/// WebSockets passed, a host that refuses connections skipped. Its access log names the host that served each request.
/// </summary>
public sealed class NginxProxy : IDisposable
{
    private const string Binary = "/usr/sbin/nginx";
    private readonly string _folder;
    private readonly Process _process;

    private NginxProxy(int port, Process process, string folder)
    {
        Port = port;
        _process = process;
        _folder = folder;
    }

    public int Port { get; }

    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Each proxied request as "upstream-port METHOD path", in order.</summary>
    public IReadOnlyList<string> Served()
    {
        var log = Path.Combine(_folder, "access.log");
        return File.Exists(log) ? File.ReadAllLines(log) : [];
    }

    /// <summary>Starts nginx on <paramref name="port"/> (see <see cref="SmtpTestServer.FreePort"/>) in front of <paramref name="hosts"/>.</summary>
    public static async Task<NginxProxy> StartAsync(int port, IEnumerable<Uri> hosts)
    {
        if (!File.Exists(Binary)) throw new InvalidOperationException("nginx is not installed (apt-get install nginx; .ci/run installs it)");
        var folder = RepoPaths.NewTempFolder();
        var servers = string.Join("\n", hosts.Select(h => $"        server 127.0.0.1:{h.Port} max_fails=1 fail_timeout=5s;"));
        // As root, nginx's workers would run as nobody and could not use the test's private folder.
        var user = Environment.UserName == "root" ? "user root;" : "";
        var config = $$"""
            {{user}}
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                log_format served '$upstream_addr $request_method $uri $status';
                access_log {{folder}}/access.log served;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                map $http_upgrade $connection_upgrade { default upgrade; '' close; }
                upstream smbbot {
            {{servers}}
                }
                server {
                    listen 127.0.0.1:{{port}};
                    location / {
                        proxy_pass http://smbbot;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host:$server_port;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_set_header X-Forwarded-Host $host:$server_port;
                        proxy_next_upstream error timeout http_502 http_503;
                        proxy_connect_timeout 2s;
                        proxy_read_timeout 1h;
                    }
                }
            }
            """;
        File.WriteAllText(Path.Combine(folder, "nginx.conf"), config);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-c", Path.Combine(folder, "nginx.conf"), "-p", folder, "-g", "daemon off;" }) start.ArgumentList.Add(arg);
        var process = Process.Start(start)!;
        var proxy = new NginxProxy(port, process, folder);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        using var probe = new HttpClient();
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited) throw new InvalidOperationException($"nginx stopped: {await process.StandardError.ReadToEndAsync()}");
            try
            {
                await probe.GetAsync($"http://127.0.0.1:{port}/health/live");
                return proxy;
            }
            catch (HttpRequestException) { await Task.Delay(100); }
        }
        proxy.Dispose();
        throw new TimeoutException("nginx did not start listening in 15 s");
    }

    public void Dispose()
    {
        // "stop" ends the workers too; killing the master alone would leave them running.
        if (!_process.HasExited)
        {
            var stop = new ProcessStartInfo(Binary);
            foreach (var arg in new[] { "-c", Path.Combine(_folder, "nginx.conf"), "-p", _folder, "-s", "stop" }) stop.ArgumentList.Add(arg);
            using (var stopping = Process.Start(stop)) stopping?.WaitForExit(5_000);
            if (!_process.WaitForExit(5_000)) _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit(5_000);
        _process.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
