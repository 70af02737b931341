using Microsoft.Playwright;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>One host process on a copy of the sample knowledge (the settings page writes into it), and one Chromium.</summary>
public sealed class BrandingHost : IAsyncLifetime
{
    public const string AdminEmail = "sam@example.com";
    public const string AdminPassword = "harbour-and-pine-42";
    private readonly string _data = RepoPaths.NewTempFolder();
    private readonly string _knowledge = RepoPaths.NewTempFolder();
    private IPlaywright? _playwright;

    public RunningHost Host { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string Site => Host.Client.BaseAddress!.ToString();

    public async Task InitializeAsync()
    {
        RepoPaths.Copy(RepoPaths.Knowledge, _knowledge);
        Host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = _data, ["Knowledge__Path"] = _knowledge, ["Staff__BootstrapAdmin__Email"] = AdminEmail,
            ["Staff__BootstrapAdmin__Password"] = AdminPassword, ["Staff__BootstrapAdmin__DisplayName"] = "Sam",
        });
        _playwright = await Playwright.CreateAsync();
        Browser = await SmbBot.BrowserTests.Browser.LaunchAsync(_playwright);
    }

    /// <summary>A page of a new browser context, signed in to the console as the admin.</summary>
    public async Task<IPage> SignedInAsync(int width, int height)
    {
        var page = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } })).NewPageAsync();
        await page.GotoAsync(Site + "console");
        await page.GetByLabel("E-mail").FillAsync(AdminEmail);
        await page.GetByLabel("Password").FillAsync(AdminPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Queue" })).ToBeVisibleAsync();
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        Host.Dispose();
        RepoPaths.DeleteFolder(_data);
        RepoPaths.DeleteFolder(_knowledge);
    }
}

/// <summary>The owner rebrands the chat from the console; every console page fits a phone.</summary>
public class BrandingAndPhoneBrowserTests(BrandingHost fixture) : IClassFixture<BrandingHost>
{
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    private static readonly LocatorAssertionsToBeVisibleOptions Slow = new() { Timeout = 20_000 };

    [Fact]
    public async Task Branding_saved_in_the_console_shows_in_the_website_chat_without_a_restart()
    {
        var admin = await fixture.SignedInAsync(1280, 900);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Settings" }).ClickAsync();
        await admin.GetByLabel("Business name", new() { Exact = true }).FillAsync("Pine Cone Bikes");
        await admin.Locator("textarea[name='Form.Greeting']").FillAsync("Hi, this is {name}. Ask about repairs, hire or opening times.");
        await admin.GetByLabel("Suggested topics").FillAsync("Bike hire prices\nWorkshop opening hours");
        await admin.GetByLabel("Accent colour").FillAsync("#7a1f5c");
        await admin.GetByLabel("Avatar image").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = Png });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("New chats use it now.");
        await Browser.ShotAsync(admin, "console-settings.png", fullPage: true);

        foreach (var (width, height, name) in new[] { (1280, 900, "website-chat-branded.png"), (390, 844, "website-chat-branded-phone.png") })
        {
            var customer = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } })).NewPageAsync();
            var errors = new List<string>();
            customer.PageError += (_, e) => errors.Add(e);
            await customer.GotoAsync(fixture.Site);
            await customer.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
            var chat = customer.Locator("#webchat");
            await Assertions.Expect(chat.GetByText("Hi, this is Pine Cone Bikes.").First).ToBeVisibleAsync(Slow);
            await Assertions.Expect(customer.Locator("#chat-name")).ToHaveTextAsync("Pine Cone Bikes assistant");
            await Assertions.Expect(customer.Locator(".chat-title")).ToHaveCSSAsync("background-color", "rgb(122, 31, 92)");
            await Assertions.Expect(chat.Locator(".webchat__imageAvatar img[src*='/api/webchat/avatar?v=']").First).ToBeVisibleAsync();
            var topic = chat.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = "Workshop opening hours" });
            await Assertions.Expect(topic).ToBeVisibleAsync();
            Assert.DoesNotContain("Harbour", await customer.Locator("#chat-panel").InnerTextAsync());
            await Browser.ShotAsync(customer, name);
            Assert.Empty(errors);
        }
    }

    [Fact]
    public async Task Every_console_page_fits_a_390_px_phone_without_sideways_scrolling()
    {
        // A ticket with a long address, so the ticket page has something wide to fit.
        var chat = await DirectLineChat.StartAsync(fixture.Host.Client);
        await chat.SayAsync("I'd like to talk to a real person about my order please");
        await chat.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("e-mail address"));
        await chat.SayAsync("amelia.hart.with.a.rather.long.address@example.com");
        await chat.WaitForAsync(a => ((string?)a["text"] ?? "").Contains("Thank you"));

        var signIn = await (await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true })).NewPageAsync();
        await signIn.GotoAsync(fixture.Site + "console/signin");
        Assert.True(await WidthAsync(signIn) <= 390, $"the sign-in page is {await WidthAsync(signIn)} px wide");
        var page = await fixture.SignedInAsync(390, 844);
        var ticket = await page.Locator("table.queue a").First.GetAttributeAsync("href");
        var wide = new List<string>();
        foreach (var path in new[] { "console", ticket!.TrimStart('/'), ticket.TrimStart('/') + "?confirm=resolve", "console?q=amelia", "console/staff", "console/alerts", "console/privacy", "console/settings", "console/insight", "console/unanswered" })
        {
            await page.GotoAsync(fixture.Site + path);
            var width = await WidthAsync(page);
            if (width > 390) wide.Add($"{path}: {width} px");
            await Browser.ShotAsync(page, "console-phone-" + new string(path.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()) + ".png", fullPage: true);
        }
        Assert.Empty(wide);
    }

    private static Task<int> WidthAsync(IPage page) => page.EvaluateAsync<int>("document.scrollingElement.scrollWidth");
}
