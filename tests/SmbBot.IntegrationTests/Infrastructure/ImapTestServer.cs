using System.Diagnostics;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// A real IMAP server on a loopback port: Debian's Dovecot (package dovecot-imapd, installed by .ci/run) started as
/// the current user with its own configuration, one test mailbox in a maildir, and its log in a file. Mail is put into
/// the mailbox with MailKit's <see cref="ImapClient"/> Append, as a mail server delivers it. It can be stopped and
/// started again on the same port.
/// </summary>
public sealed class ImapTestServer : IDisposable
{
    private const string Dovecot = "/usr/sbin/dovecot";
    public const string User = "support";
    public const string Password = "imap-password-never-logged-5521";

    private readonly string _folder = RepoPaths.NewTempFolder();
    private Process? _process;

    public ImapTestServer()
    {
        Port = LoopbackPort.Free();
        var mail = Path.Combine(_folder, "mail");
        Directory.CreateDirectory(mail);
        var root = Environment.UserName == "root";
        // As root, Dovecot's login and mail processes run as its own users; the mailbox belongs to nobody.
        var (uid, gid) = root ? ("65534", "65534") : (Id("-u"), Id("-g"));
        if (root && !OperatingSystem.IsWindows()) File.SetUnixFileMode(mail, (UnixFileMode)0x1FF);
        File.WriteAllText(Path.Combine(_folder, "users"), $"{User}:{{PLAIN}}{Password}:{uid}:{gid}::{mail}/{User}::\n");
        var internalUser = root ? "dovecot" : Environment.UserName;
        var loginUser = root ? "dovenull" : Environment.UserName;
        File.WriteAllText(ConfigPath, $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{_folder}}/run
            state_dir = {{_folder}}/state
            log_path = {{LogPath}}
            info_log_path = {{LogPath}}
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            default_internal_user = {{internalUser}}
            default_internal_group = {{(root ? "dovecot" : Id("-gn"))}}
            default_login_user = {{loginUser}}
            first_valid_uid = 1
            mail_location = maildir:{{mail}}/%u
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{_folder}}/users
            }
            userdb {
              driver = passwd-file
              args = username_format=%u {{_folder}}/users
            }
            service imap-login {
              chroot =
              inet_listener imap {
                address = 127.0.0.1
                port = {{Port}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service anvil {
              chroot =
            }
            """);
    }

    public int Port { get; }

    private string ConfigPath => Path.Combine(_folder, "dovecot.conf");

    public string LogPath => Path.Combine(_folder, "dovecot.log");

    /// <summary>The host's settings that read this mailbox every second.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Mail:Imap:Host"] = "127.0.0.1",
        ["Mail:Imap:Port"] = $"{Port}",
        ["Mail:Imap:Security"] = "None",
        ["Mail:Imap:UserName"] = User,
        ["Mail:Imap:Password"] = Password,
        ["Mail:Imap:PollSeconds"] = "1",
    };

    /// <summary>Starts Dovecot and waits until it accepts a sign-in.</summary>
    public async Task StartAsync()
    {
        if (!File.Exists(Dovecot))
            throw new InvalidOperationException("the IMAP tests need Debian's dovecot-imapd (apt-get install -y dovecot-imapd; .ci/run installs it)");
        var start = new ProcessStartInfo(Dovecot) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-F", "-c", ConfigPath }) start.ArgumentList.Add(arg);
        _process = Process.Start(start)!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = await ConnectAsync();
                return;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or ImapProtocolException or AuthenticationException)
            {
                if (_process.HasExited || DateTime.UtcNow > deadline)
                    throw new InvalidOperationException($"the test IMAP server did not start: {await _process.StandardError.ReadToEndAsync()} {Log()}");
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Stops the server at once; the port refuses connections until <see cref="StartAsync"/>.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false } p) { p.Kill(entireProcessTree: true); p.WaitForExit(10_000); }
        _process?.Dispose();
        _process = null;
    }

    /// <summary>Delivers <paramref name="message"/> to the inbox, unseen.</summary>
    public async Task DeliverAsync(MimeMessage message)
    {
        using var client = await ConnectAsync();
        await client.Inbox.AppendAsync(message, MessageFlags.None);
        await client.DisconnectAsync(true);
    }

    /// <summary>Marks the message with <paramref name="messageId"/> unseen again.</summary>
    public async Task MarkUnseenAsync(string messageId)
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var uids = await client.Inbox.SearchAsync(MailKit.Search.SearchQuery.HeaderContains("Message-ID", messageId));
        await client.Inbox.RemoveFlagsAsync(uids, MessageFlags.Seen, silent: true);
        await client.DisconnectAsync(true);
    }

    /// <summary>The inbox's messages with their flags.</summary>
    public async Task<IReadOnlyList<(string? MessageId, MessageFlags Flags)>> InboxAsync()
    {
        using var client = await ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        if (client.Inbox.Count == 0) return [];
        var summaries = await client.Inbox.FetchAsync(0, -1, MessageSummaryItems.Envelope | MessageSummaryItems.Flags);
        return summaries.Select(s => (s.Envelope?.MessageId, s.Flags ?? MessageFlags.None)).ToArray();
    }

    /// <summary>Waits until every message in the inbox has been read (marked seen).</summary>
    public async Task WaitAllSeenAsync(int count, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var inbox = await InboxAsync();
            if (inbox.Count >= count && inbox.All(m => m.Flags.HasFlag(MessageFlags.Seen))) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{inbox.Count(m => m.Flags.HasFlag(MessageFlags.Seen))} of {inbox.Count} e-mails were read; expected {count}");
            await Task.Delay(200);
        }
    }

    private async Task<ImapClient> ConnectAsync()
    {
        var client = new ImapClient { Timeout = 10_000 };
        try
        {
            await client.ConnectAsync("127.0.0.1", Port, SecureSocketOptions.None);
            await client.AuthenticateAsync(User, Password);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public string Log() => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    private static string Id(string flag)
    {
        using var id = Process.Start(new ProcessStartInfo("id", flag) { RedirectStandardOutput = true })!;
        var value = id.StandardOutput.ReadToEnd().Trim();
        id.WaitForExit();
        return value;
    }

    public void Dispose()
    {
        Stop();
        try { Directory.Delete(_folder, recursive: true); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
