using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The SMTP server down, then back; the host killed in the middle; bad mail settings; secrets kept out of logs.</summary>
public class MailOutageTests : IDisposable
{
    private const string Password = "app-password-never-logged-7731";
    private readonly SmtpTestServer _smtp = new(signIn: ("alerts@harbourandpine.example.com", Password));
    private readonly string _data = RepoPaths.NewTempFolder();

    private Dictionary<string, string> Environment(params (string Key, string Value)[] more)
    {
        var settings = AlertsHost.Settings(_smtp.Port, webhook: null)
            .Where(s => s.Value is not null && !s.Key.StartsWith("Escalation", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        settings["Storage__DataPath"] = _data;
        settings["Mail__Smtp__UserName"] = "alerts@harbourandpine.example.com";
        settings["Mail__Smtp__Password"] = Password;
        settings["Logging__LogLevel__Default"] = "Information";
        foreach (var (k, v) in more) settings[k] = v;
        return settings;
    }

    private static async Task<JsonObject> Outbox(RunningHost host) =>
        (await host.Client.GetFromJsonAsync<JsonObject>("/health/ready"))!["outbox"]!.AsObject();

    private static async Task WaitUntil(Func<Task<bool>> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the condition did not come true in time");
            await Task.Delay(200);
        }
    }

    [Fact]
    public async Task Alerts_queued_while_smtp_is_down_survive_a_kill_and_are_sent_once_when_it_is_back()
    {
        string urgent, normal;
        string output;
        using (var first = await HostProcess.StartAsync(Environment()))
        {
            urgent = (string)Activities.Decision((await Activities.AskAsync(first.Client, "the camping stove I bought caught fire", "outage-1"))[^1]!.AsObject())!["ticketId"]!;
            normal = (string)Activities.Decision((await Activities.AskAsync(first.Client, "I want to talk to a real person", "outage-2"))[^1]!.AsObject())!["ticketId"]!;
            await WaitUntil(async () => (int)(await Outbox(first))["failing"]! >= 3);
            var outbox = await Outbox(first);
            Assert.Contains("cannot reach the SMTP server 127.0.0.1", (string?)outbox["lastError"]);
            var ready = await first.Client.GetAsync("/health/ready");
            Assert.True(ready.IsSuccessStatusCode, "chat stays ready while e-mail is down");
            first.Kill();
            output = await first.OutputAsync();
        }
        Assert.Contains("E-mail cannot be sent yet: cannot reach the SMTP server 127.0.0.1", output);
        Assert.DoesNotContain(Password, output);
        Assert.Empty(_smtp.Messages());

        await _smtp.StartAsync();
        using (var second = await HostProcess.StartAsync(Environment()))
        {
            // The urgent ticket: desk and admin; the normal one: desk.
            await _smtp.WaitForAsync(m => m.Subject!.StartsWith('[' + urgent + ']') || m.Subject!.StartsWith('[' + normal + ']'), count: 3);
            await WaitUntil(async () => (int)(await Outbox(second))["waiting"]! == 0 && (int)(await Outbox(second))["failing"]! == 0);
            second.Kill();
            output = await second.OutputAsync();
        }
        Assert.Contains("E-mail is on: the SMTP server 127.0.0.1", output);
        Assert.DoesNotContain(Password, output);

        using (var third = await HostProcess.StartAsync(Environment()))
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            Assert.Equal(0, (int)(await Outbox(third))["waiting"]!);
        }
        var sent = _smtp.Messages().Select(m => $"{m.To} {m.Subject}").ToArray();
        Assert.Equal(3, sent.Length);
        Assert.Equal(3, sent.Distinct().Count());
        Assert.Equal(2, sent.Count(s => s.Contains('[' + urgent + ']')));
    }

    [Fact]
    public async Task An_alert_that_cannot_be_sent_shows_on_the_ticket_page_with_the_reason()
    {
        await using var host = new BotHost(settings: AlertsHost.Settings(LoopbackPort.Free(), webhook: null));
        var console = new ConsoleClient(host);
        await console.SignInAsync(AlertsHost.Admin, AlertsHost.AdminPassword);
        var replies = await Activities.AskAsync(host.CreateClient(), "I want to talk to a real person", "unsent-1");
        var number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;

        string page = "";
        await WaitUntil(async () => (page = (await console.GetAsync($"/console/tickets/{number}")).Body).Contains("Alerts not sent"));

        Assert.Contains($"E-mail to {AlertsHost.Desk}", page);
        Assert.Contains("cannot reach the SMTP server 127.0.0.1", page);
        var ready = await host.CreateClient().GetAsync("/health/ready");
        Assert.True(ready.IsSuccessStatusCode);
    }

    [Theory]
    [InlineData("Mail__Smtp__Port", "70000", "Mail:Smtp:Port 70000 is not a port")]
    [InlineData("Mail__From", "the shop", "Mail:From 'the shop' is not an e-mail address")]
    [InlineData("Mail__Smtp__Security", "Tls", "Mail:Smtp:Security 'Tls' must be None, StartTls or SslOnConnect")]
    public async Task Bad_mail_settings_stop_the_start_with_one_clear_line_and_no_password(string key, string value, string expected)
    {
        var (exitCode, output, errors) = await HostProcess.RunAsync(Environment((key, value)), TimeSpan.FromSeconds(120));

        Assert.Equal(1, exitCode);
        Assert.Contains("SmbBot cannot start, a setting is invalid", errors);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain(Password, output + errors);
    }

    public void Dispose()
    {
        _smtp.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
