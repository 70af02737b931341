using Microsoft.Playwright;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>An owner edits an answer in the FAQ editor, tries it, marks it golden and publishes it, on a phone and on a desktop.</summary>
public class KnowledgeEditorBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "sam@example.com";
    private const string AdminPassword = "harbour-and-pine-42";
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

    [Fact]
    public async Task An_owner_edits_tries_marks_golden_and_publishes_an_answer_on_a_phone()
    {
        var site = _host!.Client.BaseAddress!.ToString();
        var page = await (await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } })).NewPageAsync();
        var blocked = Browser.CspViolations(page);
        await page.GotoAsync(site + "console/knowledge");
        await page.GetByLabel("E-mail").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.GotoAsync(site + "console/knowledge");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Knowledge" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.True(await FitsAsync(page), "the editor scrolls sideways at 390 px");

        // Search narrows the list; edit the parking answer.
        await page.GetByLabel("Search").FillAsync("park");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        var parking = page.Locator("li.entry[data-id='parking']");
        await Assertions.Expect(parking).ToBeVisibleAsync();
        Assert.True(await page.Locator("li.entry").CountAsync() < 5);
        await parking.GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("Answer").FillAsync("Yes: 35 free spaces behind the store, for up to 3 hours.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save to draft" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Saved 'parking' in the draft")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#draft-state")).ToHaveTextAsync("unpublished changes");

        // The try box runs the draft and names the threshold that decided.
        await page.GetByLabel("Question", new() { Exact = true }).First.FillAsync("Where can I park?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Try", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("#try-route")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("#try-threshold")).ToContainTextAsync("the message is one of the entry's questions");
        Assert.True(await FitsAsync(page), "the try result scrolls sideways at 390 px");
        await Assertions.Expect(page.Locator("#try-entry")).ToContainTextAsync("parking");
        await page.Locator("#try").ScrollIntoViewIfNeededAsync();
        await Browser.ShotAsync(page, "knowledge-try-phone.png");
        await page.GetByLabel("This must answer").SelectOptionAsync("parking");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as golden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#golden").GetByText("Where can I park?")).ToBeVisibleAsync();

        // Publish: the page follows the background publish until the new version is live.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the draft" }).ClickAsync();
        await Assertions.Expect(page.Locator("#publish-state")).ToHaveTextAsync("published", new() { Timeout = 90_000 });
        await Assertions.Expect(page.Locator("#live-version")).ToHaveTextAsync("2");
        await page.Locator("#publish").ScrollIntoViewIfNeededAsync();
        await Browser.ShotAsync(page, "knowledge-published-phone.png");

        // The history shows the change as a word diff, on a desktop.
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync(site + "console/knowledge/history?diff=2");
        await Assertions.Expect(page.Locator("#diff ins").First).ToContainTextAsync("35 free spaces");
        await Browser.ShotAsync(page, "knowledge-history.png", fullPage: true);
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
