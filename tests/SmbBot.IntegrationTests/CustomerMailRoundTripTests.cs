using System.Net.Http.Json;
using System.Text.Json.Nodes;
using MimeKit;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The e-mail leg with the host as its own process (the website chat needs a real listening server), a real SMTP
/// server and a real IMAP mailbox: a chat quiet for 2 seconds counts as left, and a reply the chat has not shown
/// within 3 seconds goes by e-mail. Also the mailbox down then back, a kill in the middle, and bad settings.
/// </summary>
public class CustomerMailRoundTripTests : IAsyncLifetime
{
    private readonly SmtpTestServer _smtp = new();
    private readonly ImapTestServer _imap = new();
    private readonly string _data = RepoPaths.NewTempFolder();

    public async Task InitializeAsync() => await _smtp.StartAsync();

    private Dictionary<string, string> Environment(params (string Key, string Value)[] more)
    {
        var settings = AlertsHost.Settings(_smtp.Port, webhook: null).Concat(_imap.Settings())
            .Where(s => s.Value is not null && !s.Key.StartsWith("Escalation", StringComparison.Ordinal))
            .ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value!);
        settings["Storage__DataPath"] = _data;
        settings["Staff__BootstrapAdmin__DisplayName"] = "Sam";
        settings["Mail__CustomerAwaySeconds"] = "2";
        settings["Mail__CustomerReplyAfterMinutes"] = "0.05";
        settings["Logging__LogLevel__Default"] = "Information";
        foreach (var (k, v) in more) settings[k] = v;
        return settings;
    }

    private static async Task<ConsoleClient> Staff(RunningHost host)
    {
        var staff = ConsoleClient.Over(host.Client.BaseAddress!);
        await staff.SignInAsync(AlertsHost.Admin, AlertsHost.AdminPassword);
        return staff;
    }

    private static async Task Reply(ConsoleClient staff, string number, string text)
    {
        var page = $"/console/tickets/{number}";
        await staff.PostFormAsync(page, page + "?handler=Reply", new() { ["text"] = text });
    }

    private static async Task<JsonObject> Ticket(ConsoleClient staff, string number) =>
        (await staff.Http.GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!.AsObject();

    private static async Task<JsonObject> WaitForTicket(ConsoleClient staff, string number, Func<JsonObject, bool> condition, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var ticket = await Ticket(staff, number);
            if (condition(ticket)) return ticket;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{number} did not change as expected: {ticket["history"]}");
            await Task.Delay(200);
        }
    }

    private static IEnumerable<JsonObject> EmailedAnswers(JsonObject ticket) =>
        ticket["transcript"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["via"] == "email");

    private static async Task<(DirectLineChat Chat, string Number)> ChatTicket(RunningHost host, string email)
    {
        var chat = await DirectLineChat.StartAsync(host.Client);
        await chat.SayAsync("I want to talk to a real person");
        var escalated = await chat.WaitForAsync(a => Activities.Decision(a)?["ticketId"] is not null);
        await chat.SayAsync(email);
        await chat.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("ticket", StringComparison.OrdinalIgnoreCase));
        return (chat, (string)Activities.Decision(escalated)!["ticketId"]!);
    }

    private static string Text(MimeMessage message) => (message.TextBody ?? "").Replace("\r\n", "\n");

    [Fact]
    public async Task A_customer_who_left_the_chat_gets_the_reply_by_email_and_their_emailed_answer_lands_on_the_ticket_with_the_owner_alerted()
    {
        await _imap.StartAsync();
        using var host = await HostProcess.StartAsync(Environment());
        var email = $"ann.{Guid.NewGuid():N}@example.com";
        var (chat, number) = await ChatTicket(host, email);
        var staff = await Staff(host);
        var page = $"/console/tickets/{number}";
        await staff.PostFormAsync(page, page + "?handler=Claim", []);
        await Task.Delay(TimeSpan.FromSeconds(3)); // the customer closed the page

        await Reply(staff, number, "Your tent ships on Tuesday.");

        var sent = Assert.Single(await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)));
        Assert.Equal($"[{number}] Reply from {EmailLegHost.Business}", sent.Subject);
        Assert.StartsWith("Sam from Harbour & Pine Outdoor wrote:\n\nYour tent ships on Tuesday.", Text(sent));
        Assert.Contains("You:\nI want to talk to a real person", Text(sent));
        Assert.Contains("reply to this e-mail", Text(sent));
        Assert.Null(sent.Headers["Auto-Submitted"]);

        await _imap.DeliverAsync(CustomerMailTests.Answer(email, "Re: " + sent.Subject,
            $"Great, I'll be home.\n\nOn Tue, 1 Dec 2026 at 10:00, {EmailLegHost.Business} <{EmailLegHost.Support}> wrote:\n> Your tent ships on Tuesday.", to: sent));

        var ticket = await WaitForTicket(staff, number, t => EmailedAnswers(t).Any());
        var answer = Assert.Single(EmailedAnswers(ticket));
        Assert.Equal(("customer", "Great, I'll be home."), ((string?)answer["from"], (string?)answer["text"]));
        Assert.Contains("> Your tent ships on Tuesday.", (string?)answer["original"]);
        Assert.Contains(ticket["history"]!.AsArray(), h => (string?)h!["detail"] == "by e-mail: Great, I'll be home.");
        await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == AlertsHost.Admin) && m.Subject == $"[{number}] The customer wrote again on your ticket");
        var (_, html) = await staff.GetAsync(page);
        Assert.Contains("Great, I&#x27;ll be home.", html);
        Assert.Contains("by e-mail", html);

        // Back in the chat, the customer sees the staff reply there too.
        Assert.Contains(await chat.PollAsync(fromStart: true), a => ((string?)a["text"] ?? "").Contains("Your tent ships on Tuesday."));
    }

    [Fact]
    public async Task A_reply_the_chat_shows_is_not_emailed_and_one_it_does_not_show_in_time_is()
    {
        // The page stays open (it polled within 30 s) while staff sign in and answer, however slow the machine is.
        using var host = await HostProcess.StartAsync(Environment(("Mail__Imap__Host", ""), ("Mail__CustomerAwaySeconds", "30")));
        var email = $"bea.{Guid.NewGuid():N}@example.com";
        var (chat, number) = await ChatTicket(host, email);
        var staff = await Staff(host);

        await Reply(staff, number, "First answer, read in the chat.");
        await chat.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("First answer"));
        for (int i = 0; i < 25; i++) { await chat.PollAsync(); await Task.Delay(200); } // still there past the 3 seconds

        await Reply(staff, number, "Second answer, the page went quiet.");

        var sent = Assert.Single(await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)));
        Assert.StartsWith("Sam from Harbour & Pine Outdoor wrote:\n\nSecond answer", Text(sent));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(_smtp.Messages(), m => m.To.Mailboxes.Any(b => b.Address == email));
        var history = (await Ticket(staff, number))["history"]!.AsArray().Select(h => (string?)h!["detail"]).ToArray();
        Assert.Equal(2, history.Count(d => d == "will be e-mailed if the chat has not shown it in 0.1 min"));
    }

    [Fact]
    public async Task With_the_mailbox_down_then_back_and_a_kill_in_the_middle_an_answer_lands_once()
    {
        var email = $"cal.{Guid.NewGuid():N}@example.com";
        string number, output;
        MimeMessage answer;
        using (var first = await HostProcess.StartAsync(Environment()))
        {
            var conversation = Guid.NewGuid().ToString("N");
            var replies = await Activities.AskAsync(first.Client, "I want to talk to a real person", conversation);
            await Activities.AskAsync(first.Client, email, conversation);
            number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
            var staff = await Staff(first);
            await Reply(staff, number, "Which size do you need?");
            var sent = Assert.Single(await _smtp.WaitForAsync(m => m.To.Mailboxes.Any(b => b.Address == email)));
            var ready = (await first.Client.GetFromJsonAsync<JsonObject>("/health/ready"))!;
            Assert.Contains($"cannot reach the IMAP server 127.0.0.1:{_imap.Port}", (string?)ready["mailbox"]!["problem"]);

            await _imap.StartAsync();
            answer = CustomerMailTests.Answer(email, "Re: " + sent.Subject, "Large, please.", to: sent);
            await _imap.DeliverAsync(answer);
            await WaitForTicket(staff, number, t => EmailedAnswers(t).Any());
            await _imap.WaitAllSeenAsync(1);
            // As if the host had died after the ticket took the answer but before the mailbox marked it read,
            // and the mail server delivered the same e-mail twice.
            await _imap.MarkUnseenAsync(answer.MessageId!);
            await _imap.DeliverAsync(answer);
            first.Kill();
            output = await first.OutputAsync();
        }
        Assert.Contains($"Customers' e-mailed answers cannot be read: cannot reach the IMAP server 127.0.0.1:{_imap.Port}", output);
        Assert.Contains("Customers' e-mailed answers are read from 127.0.0.1", output);
        Assert.DoesNotContain(ImapTestServer.Password, output);
        Assert.DoesNotContain("Large, please", output);

        using var second = await HostProcess.StartAsync(Environment());
        await _imap.WaitAllSeenAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var ticket = await Ticket(await Staff(second), number);
        Assert.Single(EmailedAnswers(ticket));
        Assert.Single(ticket["history"]!.AsArray(), h => (string?)h!["detail"] == "by e-mail: Large, please.");
    }

    [Fact]
    public async Task A_wrong_mailbox_password_is_one_clear_warning_and_chat_stays_ready()
    {
        await _imap.StartAsync();
        using var host = await HostProcess.StartAsync(Environment(("Mail__Imap__Password", "wrong-imap-password-8812")));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonObject mailbox;
        do
        {
            await Task.Delay(300);
            mailbox = (await host.Client.GetFromJsonAsync<JsonObject>("/health/ready"))!["mailbox"]!.AsObject();
        }
        while (mailbox["problem"] is null && DateTime.UtcNow < deadline);
        Assert.Contains("refused the sign-in of Mail:Imap:UserName", (string?)mailbox["problem"]);
        Assert.True((await host.Client.GetAsync("/health/ready")).IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));
        host.Kill();
        var output = await host.OutputAsync();
        Assert.Equal(1, output.Split("Customers' e-mailed answers cannot be read: the IMAP server").Length - 1);
        Assert.DoesNotContain("wrong-imap-password-8812", output);
    }

    [Theory]
    [InlineData("Mail__Imap__UserName", "", "Mail:Imap:UserName and Mail:Imap:Password are required when Mail:Imap:Host is set")]
    [InlineData("Mail__Imap__PollSeconds", "0", "Mail:Imap:PollSeconds 0 must be between 1 and 3600")]
    [InlineData("Mail__Imap__Security", "ssl", "Mail:Imap:Security 'ssl' must be None, StartTls or SslOnConnect")]
    public async Task Bad_mailbox_settings_stop_the_start_with_a_clear_line_and_no_password(string key, string value, string expected)
    {
        var (exitCode, output, errors) = await HostProcess.RunAsync(Environment((key, value)), TimeSpan.FromSeconds(120));

        Assert.Equal(1, exitCode);
        Assert.Contains(expected, errors);
        Assert.DoesNotContain(ImapTestServer.Password, output + errors);
    }

    public Task DisposeAsync()
    {
        _smtp.Dispose();
        _imap.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}
