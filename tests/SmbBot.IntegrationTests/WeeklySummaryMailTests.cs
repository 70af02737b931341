using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SmbBot.Core.Outbox;
using SmbBot.Core.Staff;
using SmbBot.Host.Insight;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// The sample host with mail to the test SMTP server and the whole host on a test clock (business time zone UTC, the
/// default): it starts on a Sunday afternoon, and the test moves it to Monday morning.
/// </summary>
public sealed class WeeklySummaryHost : IAsyncLifetime
{
    /// <summary>A Sunday 15:00; the week it ends is Monday 2026-11-02 to Sunday 2026-11-08.</summary>
    public static readonly DateTimeOffset Sunday = new(2026, 11, 8, 15, 0, 0, TimeSpan.Zero);

    public SmtpTestServer Smtp { get; } = new();
    public JumpingClock Clock { get; } = new(Sunday);
    public ClockedHost Host { get; }

    public WeeklySummaryHost() => Host = new ClockedHost(Clock, AlertsHost.Settings(Smtp.Port, webhook: null));

    public Task InitializeAsync() => Smtp.StartAsync();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Smtp.Dispose();
    }

    /// <summary>The host with <see cref="TimeProvider"/> replaced by the test clock.</summary>
    public sealed class ClockedHost(TimeProvider clock, IDictionary<string, string?> settings) : BotHost(settings: settings)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton(clock));
        }
    }
}

/// <summary>
/// A clock that runs at the real pace from a chosen time and can be moved on. Moving it is one tick of every timer the
/// host made with a period of an hour or more (the weekly summary's hourly check among them), as if their hour had
/// passed; shorter timers run on real time, so a jump of hours does not replay thousands of their seconds.
/// </summary>
public sealed class JumpingClock(DateTimeOffset start) : TimeProvider
{
    private readonly List<(TimerCallback Callback, object? State)> _hourly = [];
    private TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (period >= TimeSpan.FromHours(1)) lock (_hourly) _hourly.Add((callback, state));
        return TimeProvider.System.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>Sets the time to <paramref name="now"/> and ticks the hourly timers once.</summary>
    public void JumpTo(DateTimeOffset now)
    {
        _offset = now - TimeProvider.System.GetUtcNow();
        (TimerCallback Callback, object? State)[] hourly;
        lock (_hourly) hourly = [.. _hourly];
        foreach (var (callback, state) in hourly) callback(state);
    }
}

/// <summary>
/// The weekly summary's hourly check against the real host: on Monday from 08:00 business time it mails last week's
/// figures and biggest unanswered groups to each admin, once a week, and to no agent.
/// </summary>
public class WeeklySummaryMailTests(WeeklySummaryHost fixture) : IClassFixture<WeeklySummaryHost>
{
    private const string SecondAdmin = "partner@harbourandpine.example.com";
    private const string Agent = "agent@harbourandpine.example.com";

    private static bool Weekly(MimeMessage m) => (m.Subject ?? "").Contains("the bot's week", StringComparison.Ordinal);

    [Fact]
    public async Task Monday_morning_mails_last_weeks_summary_once_to_each_admin_and_to_no_agent()
    {
        var host = fixture.Host;
        var staff = host.Services.GetRequiredService<StaffStore>();
        Assert.Null(staff.Add(SecondAdmin, "Pat", StaffRoles.Admin, "partner-password-42").Problem);
        Assert.Null(staff.Add(Agent, "Alex", StaffRoles.Agent, "agent-password-42").Problem);
        // Last week's conversations, on the Sunday: four questions the bot cannot answer, asked 4, 3, 2 and 1 times,
        // and one it answers.
        string[] unanswered =
        [
            .. Enumerable.Repeat("can you tune my grandfather clock", 4), .. Enumerable.Repeat("what is the capital of mongolia", 3),
            .. Enumerable.Repeat("can you recommend a pizza restaurant", 2), "do you sell opera tickets",
        ];
        foreach (var text in unanswered.Append("What are your store opening hours?"))
            await Activities.AskAsync(host.CreateClient(), text, Guid.NewGuid().ToString("N"));
        var check = host.Services.GetRequiredService<WeeklySummaryMail>();

        fixture.Clock.JumpTo(WeeklySummaryHost.Sunday.AddHours(16).AddMinutes(50));
        Assert.Equal(0, check.QueueIfDue());   // Monday 07:50: not yet
        // Monday 08:10: the hourly check's tick queues the summary, and the outbox mails it.
        fixture.Clock.JumpTo(WeeklySummaryHost.Sunday.AddHours(17).AddMinutes(10));
        var mails = await fixture.Smtp.WaitForAsync(Weekly, count: 2);
        fixture.Clock.JumpTo(WeeklySummaryHost.Sunday.AddHours(18).AddMinutes(10));
        Assert.Equal(0, check.QueueIfDue());   // Monday 09:10: sent already this week
        await WaitUntilOutboxIsEmptyAsync(host);

        Assert.Equal(2, fixture.Smtp.Messages().Count(Weekly));
        Assert.Equal([AlertsHost.Admin, SecondAdmin], mails.Select(m => m.To.Mailboxes.Single().Address).Order());
        var body = (mails[0].TextBody ?? "").ReplaceLineEndings("\n");
        Assert.StartsWith("The week 2026-11-02 to 2026-11-08", body);
        Assert.Contains("Conversations: 11 (", body);
        Assert.Contains("Unanswered messages: 10 (", body);
        Assert.Contains("Resolved by the bot: ", body);
        Assert.Contains("Handed over: 0 (", body);
        Assert.Contains("  4 x \"can you tune my grandfather clock\"\n  3 x \"what is the capital of mongolia\"\n  2 x \"can you recommend a pizza restaurant\"\n", body);
        Assert.DoesNotContain("opera", body);
        Assert.Contains("https://support.harbourandpine.example.com/console/insight", body);
    }

    private static async Task WaitUntilOutboxIsEmptyAsync(BotHost host)
    {
        var outbox = host.Services.GetRequiredService<IOutboxStore>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var until = DateTime.UtcNow.AddSeconds(30);
        while (outbox.Due(clock.GetUtcNow().UtcDateTime).Count > 0 && DateTime.UtcNow < until) await Task.Delay(100);
    }
}
