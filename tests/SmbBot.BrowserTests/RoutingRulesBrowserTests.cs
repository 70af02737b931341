using Microsoft.Playwright;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>An admin describes who handles what: a team, then routing rules added, reordered, refused and deleted in the editor.</summary>
public class RoutingRulesBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "sam@example.com";
    private const string AdminPassword = "harbour-and-pine-42";
    private readonly string _data = RepoPaths.NewTempFolder();
    private readonly string _knowledge = RepoPaths.NewTempFolder();
    private RunningHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    private string RulesFile => Path.Combine(_knowledge, "routing.json");

    public async Task InitializeAsync()
    {
        RepoPaths.Copy(RepoPaths.Knowledge, _knowledge);
        File.Delete(RulesFile);
        _host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = _data, ["Knowledge__Path"] = _knowledge, ["Staff__BootstrapAdmin__Email"] = AdminEmail,
            ["Staff__BootstrapAdmin__Password"] = AdminPassword, ["Staff__BootstrapAdmin__DisplayName"] = "Sam",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task An_admin_adds_moves_and_deletes_rules_and_a_bad_rule_is_refused_without_writing()
    {
        var site = _host!.Client.BaseAddress!.ToString();
        var page = await (await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        var blocked = Browser.CspViolations(page);
        await page.GotoAsync(site + "console");
        await page.GetByLabel("E-mail").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Teams" }).ClickAsync();
        await page.GetByPlaceholder("Billing").FillAsync("Complaints");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add team" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Complaints saved.")).ToBeVisibleAsync();

        await page.Locator("header nav").GetByRole(AriaRole.Link, new() { Name = "Routing" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No rules yet")).ToBeVisibleAsync();
        await AddRule(page, "Gold complaints", category: "complaints", tier: "gold", team: "Complaints");
        await Assertions.Expect(page.GetByText("Rule 'Gold complaints' saved")).ToBeVisibleAsync();
        await AddRule(page, "Night", hours: "out of business hours");
        Assert.Equal(["Gold complaints", "Night"], await page.Locator("ol.rules > li b").AllTextContentsAsync());
        Assert.Contains("\"team\": \"Complaints\"", File.ReadAllText(RulesFile));

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Night up" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Rule 'Night' moved up.")).ToBeVisibleAsync();
        Assert.Equal(["Night", "Gold complaints"], await page.Locator("ol.rules > li b").AllTextContentsAsync());
        var saved = File.ReadAllText(RulesFile);
        Assert.True(saved.IndexOf("Night", StringComparison.Ordinal) < saved.IndexOf("Gold complaints", StringComparison.Ordinal));

        // A CRM field line without a value is refused: the form keeps what was typed, the file is not touched.
        await page.Locator("ol.rules > li", new() { HasText = "Gold complaints" }).GetByRole(AriaRole.Link, new() { Name = "Edit" }).ClickAsync();
        await page.GetByLabel("CRM fields").FillAsync("Plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("rule 'Gold complaints': \"CRM fields\" line 'Plan' must read Field = value");
        await Assertions.Expect(page.GetByLabel("CRM fields")).ToHaveValueAsync("Plan");
        Assert.Equal(saved, File.ReadAllText(RulesFile));

        await page.SetViewportSizeAsync(390, 844);
        await Browser.ShotAsync(page, "routing-rules-390.png", fullPage: true);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the rules editor scrolls sideways at 390 px");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete Night" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Rule 'Night' deleted.")).ToBeVisibleAsync();
        Assert.Equal(["Gold complaints"], await page.Locator("ol.rules > li b").AllTextContentsAsync());
        Assert.DoesNotContain("Night", File.ReadAllText(RulesFile));
        await Browser.ShotAsync(page, "routing-rules-1280.png", fullPage: true);
        Assert.Empty(blocked);
    }

    private static async Task AddRule(IPage page, string name, string? category = null, string? tier = null, string? team = null, string? hours = null)
    {
        var form = page.Locator("form.rule-form");
        await form.GetByLabel("Rule name").FillAsync(name);
        if (category is not null) await form.GetByLabel("Category").SelectOptionAsync(category);
        if (tier is not null) await form.GetByLabel("Customer tier").FillAsync(tier);
        if (team is not null) await form.GetByLabel("Team").SelectOptionAsync(team);
        if (hours is not null) await form.GetByLabel("Business hours").SelectOptionAsync(new SelectOptionValue { Label = hours });
        await form.GetByRole(AriaRole.Button, new() { Name = "Save rule" }).ClickAsync();
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
