using Microsoft.Playwright;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>
/// A customer on the sample business's website, in headless Chromium (Debian's /usr/bin/chromium; the Playwright
/// package's own browser download cannot work here), talking to the real host started as its own process.
/// </summary>
public class WebsiteChatTests : IAsyncLifetime
{
    private readonly string _data = RepoPaths.NewTempFolder();
    private RunningHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Storage__DataPath"] = _data });
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task A_customer_chats_on_the_website_and_a_reload_keeps_the_conversation()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var blocked = Browser.CspViolations(page);
        await page.GotoAsync(_host!.Client.BaseAddress!.ToString());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Gear for the coast and the hills" })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        var chat = page.Locator("#webchat");
        await Assertions.Expect(chat.GetByText("the Harbour & Pine Outdoor assistant").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Browser.SendAsync(page, "how much do you charge for postage");
        await Assertions.Expect(chat.GetByText("Standard UK delivery costs £3.95").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Browser.SendAsync(page, "delivery");
        var suggestion = chat.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" })
            .GetByRole(AriaRole.Button, new() { Name = "How long does delivery take?" });
        await Assertions.Expect(suggestion).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await suggestion.ClickAsync();
        await Assertions.Expect(chat.GetByText("Standard delivery takes 3-5 working days").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        
        await page.ReloadAsync();
        await Assertions.Expect(chat.GetByText("Standard UK delivery costs £3.95").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(chat.GetByText("Standard delivery takes 3-5 working days").First).ToBeVisibleAsync();
        await Browser.SendAsync(page, "Is there parking at the store?");
        await Assertions.Expect(chat.GetByText("20 spaces").First).ToBeVisibleAsync(new() { Timeout = 20_000 });

        await Browser.ShotAsync(page, "website-chat.png");
        Assert.Empty(errors);
        Assert.Empty(blocked);
    }

    [Fact]
    public async Task The_chat_works_on_a_phone_sized_screen()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(_host!.Client.BaseAddress!.ToString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).TapAsync();
        await Assertions.Expect(page.Locator("#webchat").GetByText("the Harbour & Pine Outdoor assistant").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var panel = await page.Locator("#chat-panel").BoundingBoxAsync();
        Assert.Equal(390, panel!.Width, 1);

        await Browser.ShotAsync(page, "website-chat-phone.png");
    }

    [Fact]
    public async Task On_a_phone_talk_to_a_person_is_in_view_among_the_suggestions()
    {
        var page = await _browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        await page.GotoAsync(_host!.Client.BaseAddress!.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).TapAsync();
        var chat = page.Locator("#webchat");
        await Assertions.Expect(chat.GetByText("the Harbour & Pine Outdoor assistant").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page.Locator("#chat-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^We're (online|offline|closed)"));

        // "delivery" is unclear: up to three questions are offered, then "Talk to a person", last.
        await Browser.SendAsync(page, "delivery");
        var actions = chat.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" });
        var person = actions.GetByRole(AriaRole.Button, new() { Name = "Talk to a person" });
        await Assertions.Expect(person).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(await actions.GetByRole(AriaRole.Button).CountAsync() >= 3, "several suggestions are offered");

        // In view without scrolling a carousel: inside the screen's width and fully inside the suggestions' box.
        await Assertions.Expect(person).ToBeInViewportAsync(new() { Ratio = 1 });
        var box = (await person.BoundingBoxAsync())!;
        Assert.InRange(box.X, 0, 390 - box.Width);
        await Browser.ShotAsync(page, "website-chat-phone-suggestions.png");
    }


    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _host?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
