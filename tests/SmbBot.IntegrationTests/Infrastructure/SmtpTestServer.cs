using System.Diagnostics;
using MimeKit;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port: Debian's aiosmtpd (package python3-aiosmtpd, installed by .ci/run), run by
/// the system Python, writing each accepted message to a folder. It can be stopped and started again on the same port,
/// and can require a sign-in.
/// </summary>
public sealed class SmtpTestServer : IDisposable
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import os, sys, time, uuid
        from aiosmtpd.controller import Controller
        from aiosmtpd.smtp import AuthResult, LoginPassword

        class Folder:
            def __init__(self, path): self.path = path
            async def handle_DATA(self, server, session, envelope):
                name = os.path.join(self.path, uuid.uuid4().hex)
                with open(name + '.tmp', 'wb') as f: f.write(envelope.original_content or envelope.content)
                os.rename(name + '.tmp', name + '.eml')
                return '250 Message accepted for delivery'

        host, port, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
        options = {}
        if len(sys.argv) > 5:
            user, password = sys.argv[4].encode(), sys.argv[5].encode()
            def check(server, session, envelope, mechanism, data):
                return AuthResult(success=isinstance(data, LoginPassword) and data.login == user and data.password == password)
            options = dict(authenticator=check, auth_require_tls=False, auth_required=True)
        controller = Controller(Folder(folder), hostname=host, port=port, **options)
        controller.start()
        print('ready', flush=True)
        while True: time.sleep(3600)
        """;

    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly (string User, string Password)? _signIn;
    private Process? _process;

    /// <param name="signIn">User and password the server requires; null for none.</param>
    public SmtpTestServer((string User, string Password)? signIn = null)
    {
        _signIn = signIn;
        Port = LoopbackPort.Free();
        File.WriteAllText(Path.Combine(_folder, "smtp_test_server.py"), Script);
        Directory.CreateDirectory(Mailbox);
    }

    public int Port { get; }

    private string Mailbox => Path.Combine(_folder, "mail");

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(Python) || Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true }) is not { } probe
            || !probe.WaitForExit(30_000) || probe.ExitCode != 0)
            throw new InvalidOperationException("the SMTP tests need Debian's python3-aiosmtpd (apt-get install -y python3-aiosmtpd; .ci/run installs it)");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Path.Combine(_folder, "smtp_test_server.py"), "127.0.0.1", $"{Port}", Mailbox }) start.ArgumentList.Add(arg);
        if (_signIn is { } s) { start.ArgumentList.Add(s.User); start.ArgumentList.Add(s.Password); }
        _process = Process.Start(start)!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        if (ready != "ready") throw new InvalidOperationException($"the test SMTP server did not start: {await _process.StandardError.ReadToEndAsync()}");
    }

    /// <summary>Stops the server at once; the port refuses connections until <see cref="StartAsync"/>.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } p) { p.Kill(entireProcessTree: true); p.WaitForExit(10_000); }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Every message the server accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(Mailbox, "*.eml").Select(f => MimeMessage.Load(f)).ToArray();

    /// <summary>Waits until <paramref name="count"/> accepted messages match <paramref name="match"/>; returns them.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForAsync(Func<MimeMessage, bool> match, int count = 1, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var found = Messages().Where(match).ToArray();
            if (found.Length >= count) return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{found.Length} of {count} e-mails arrived; the server has: {string.Join(" | ", Messages().Select(m => $"{m.To} {m.Subject}"))}");
            await Task.Delay(200);
        }
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
