using System.Text.Json;
using Microsoft.Playwright;
using SmbBot.Core.KnowledgeFiles;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>
/// After a few real conversations, the owner reads the insight charts (drawn from the real counts) and turns the
/// biggest unanswered group into a new FAQ entry, on a desktop and on a phone.
/// </summary>
public class InsightBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "sam@example.com";
    private const string AdminPassword = "harbour-and-pine-42";
    private const string Clock = "can you tune my grandfather clock";
    private readonly string _data = RepoPaths.NewTempFolder();
    private readonly string _knowledge = RepoPaths.NewTempFolder();
    private RunningHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        RepoPaths.Copy(RepoPaths.Knowledge, _knowledge);
        _host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = _data, ["Knowledge__Path"] = _knowledge, ["Staff__BootstrapAdmin__Email"] = AdminEmail,
            ["Staff__BootstrapAdmin__Password"] = AdminPassword, ["Staff__BootstrapAdmin__DisplayName"] = "Sam",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
    }

    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth");

    /// <summary>Each Chart.js chart on the page by canvas id: its labels and its datasets' labels and values.</summary>
    private static async Task<JsonElement> ChartsAsync(IPage page) => await page.EvaluateAsync<JsonElement>("""
        () => Object.fromEntries([...document.querySelectorAll('#charts canvas')].map(c => {
          const chart = Chart.getChart(c);
          return [c.id, chart ? { type: chart.config.type, labels: chart.data.labels, datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data })) } : null];
        }))
        """);

    private static double[] Values(JsonElement chart, int dataset = 0) =>
        [.. chart.GetProperty("datasets")[dataset].GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble())];

    [Fact]
    public async Task The_charts_draw_the_real_counts_and_the_biggest_unanswered_group_becomes_an_FAQ_entry()
    {
        // Six conversations: an answer the customer thanks for, a hand-over, and the same unanswered question four times.
        var chat = _host!.Client;
        await Activities.AskAsync(chat, "What are your store opening hours?", "hours-1");
        await Activities.AskAsync(chat, "thanks", "hours-1");
        await Activities.AskAsync(chat, "I want to talk to a real person", "person-1");
        for (var i = 0; i < 4; i++) await Activities.AskAsync(chat, Clock, $"clock-{i}");

        var site = chat.BaseAddress!.ToString();
        var page = await (await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        var blocked = Browser.CspViolations(page);
        await page.GotoAsync(site + "console/insight");
        await page.GetByLabel("E-mail").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync(site + "console/insight");
        await Assertions.Expect(page.Locator("#charts[data-rendered='true']")).ToBeAttachedAsync(new() { Timeout = 30_000 });

        var charts = await ChartsAsync(page);
        var trend = charts.GetProperty("trend");
        Assert.Equal("Conversations", trend.GetProperty("datasets")[0].GetProperty("label").GetString());
        Assert.Equal(28, trend.GetProperty("labels").GetArrayLength());
        Assert.Equal(6, Values(trend)[^1]);                                   // today's conversations
        Assert.Equal(1, Values(trend, 3)[^1]);                                // handed over
        Assert.Equal(4, Values(trend, 4)[^1]);                                // unanswered messages
        Assert.Equal(6, Values(trend).Sum());
        var reasons = charts.GetProperty("reasons");
        var askedForPerson = Array.IndexOf([.. reasons.GetProperty("labels").EnumerateArray().Select(l => l.GetString())], "Asked for a person");
        Assert.Equal(1, Values(reasons)[askedForPerson]);
        Assert.Equal(1, Values(reasons).Sum());
        Assert.Equal(7, Values(charts.GetProperty("hours")).Sum());           // every customer message, by hour
        Assert.Equal([0, 0, 1], Values(charts.GetProperty("sla")));           // one ticket, not answered yet
        await Assertions.Expect(page.Locator("[data-figure='conversations'] .value")).ToHaveTextAsync("6");
        Assert.True(await FitsAsync(page), "the dashboard scrolls sideways at 1280 px");
        await Browser.ShotAsync(page, "insight-desktop.png", fullPage: true);

        // By week: the same conversations, one bar per week.
        await page.GetByRole(AriaRole.Button, new() { Name = "By week" }).ClickAsync();
        var weekly = (await ChartsAsync(page)).GetProperty("trend");
        Assert.Equal("bar", weekly.GetProperty("type").GetString());
        Assert.Equal(6, Values(weekly).Sum());

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#charts[data-rendered='true']")).ToBeAttachedAsync(new() { Timeout = 30_000 });
        Assert.True(await FitsAsync(page), "the dashboard scrolls sideways at 390 px");
        await Browser.ShotAsync(page, "insight-phone.png", fullPage: true);

        // The inbox: the clock question is the biggest group; a new entry is made from it.
        await page.GotoAsync(site + "console/unanswered");
        var group = page.Locator("section.group").Filter(new() { Has = page.Locator("li", new() { HasTextString = Clock }) });
        await Assertions.Expect(group.Locator("h2")).ToContainTextAsync("4 messages");
        Assert.True(await FitsAsync(page), "the inbox scrolls sideways at 390 px");
        await group.GetByText("New entry from it").ClickAsync();
        await Assertions.Expect(group.GetByLabel("Question")).ToHaveValueAsync(Clock);
        await group.GetByLabel("Question").FillAsync("Do you tune grandfather clocks?");
        await group.GetByLabel("Answer").FillAsync("No, but Tick & Co on Queen Street do.");
        await Browser.ShotAsync(page, "insight-inbox-phone.png", fullPage: true);
        await group.GetByRole(AriaRole.Button, new() { Name = "Create entry" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("New entry 'do-you-tune-grandfather-clocks' written to");
        await page.SetViewportSizeAsync(1280, 900);
        await Browser.ShotAsync(page, "insight-inbox-desktop.png", fullPage: true);

        var entry = Assert.Single(KnowledgeBase.Load(_knowledge).Faq, f => f.Id == "do-you-tune-grandfather-clocks");
        Assert.Equal("No, but Tick & Co on Queen Street do.", entry.Answer);
        Assert.Contains(Clock, entry.Alternates);
        Assert.Empty(blocked);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _host?.Dispose();
        RepoPaths.DeleteFolder(_data);
        RepoPaths.DeleteFolder(_knowledge);
    }
}
