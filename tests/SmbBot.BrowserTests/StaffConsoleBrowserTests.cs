using Microsoft.Playwright;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>A customer in Web Chat and a staff member in the console, in two browser pages against one real host.</summary>
public class StaffConsoleBrowserTests : IAsyncLifetime
{
    private const string AdminEmail = "sam@example.com";
    private const string AdminPassword = "harbour-and-pine-42";
    private readonly string _data = RepoPaths.NewTempFolder();
    private RunningHost? _host;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _host = await HostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = _data, ["Staff__BootstrapAdmin__Email"] = AdminEmail,
            ["Staff__BootstrapAdmin__Password"] = AdminPassword, ["Staff__BootstrapAdmin__DisplayName"] = "Sam",
        });
        _playwright = await Playwright.CreateAsync();
        _browser = await Browser.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task Staff_answer_a_customer_live_and_hand_the_chat_back_to_the_bot()
    {
        var site = _host!.Client.BaseAddress!.ToString();
        var timeout = new LocatorAssertionsToBeVisibleOptions { Timeout = 20_000 };

        // The staff member signs in and watches the queue.
        var staff = await (await _browser!.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } })).NewPageAsync();
        var blockedInConsole = Browser.CspViolations(staff);
        await staff.GotoAsync(site + "console");
        await staff.GetByLabel("E-mail").FillAsync(AdminEmail);
        await staff.GetByLabel("Password").FillAsync(AdminPassword);
        await staff.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(staff.GetByRole(AriaRole.Heading, new() { Name = "Queue" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("body[data-live=connected]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });

        // The customer asks for a person on the website and gives an e-mail address the CRM knows.
        var customer = await (await _browser.NewContextAsync()).NewPageAsync();
        var blockedInChat = Browser.CspViolations(customer);
        await customer.GotoAsync(site);
        await customer.GetByRole(AriaRole.Button, new() { Name = "Chat with us" }).ClickAsync();
        var chat = customer.Locator("#webchat");
        await Assertions.Expect(chat.GetByText("the Harbour & Pine Outdoor assistant").First).ToBeVisibleAsync(timeout);
        await Browser.SendAsync(customer, "I'd like to talk to a real person about my order");
        await Assertions.Expect(chat.GetByText("your e-mail address").First).ToBeVisibleAsync(timeout);
        await Browser.SendAsync(customer, "amelia.hart@example.com");
        await Assertions.Expect(chat.GetByText("added amelia.hart@example.com").First).ToBeVisibleAsync(timeout);

        // The ticket appears in the queue without a reload.
        var row = staff.Locator("table.queue tbody tr", new() { HasText = "Amelia Hart" });
        await Assertions.Expect(row).ToBeVisibleAsync(timeout);
        await row.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(staff.Locator("#transcript").GetByText("I'd like to talk to a real person about my order")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator(".side").GetByText("amelia.hart@example.com").First).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator(".side").GetByText("+44 7700 900100")).ToBeVisibleAsync();
        await Browser.ShotAsync(staff, "console-ticket.png", fullPage: true);

        // Staff take the ticket and reply; the reply reaches the customer's chat.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Take this ticket" }).ClickAsync();
        await staff.GetByLabel("Reply to the customer").FillAsync("Hello Amelia, I can see your order. It ships tomorrow.");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Send to the chat" }).ClickAsync();
        await Assertions.Expect(chat.GetByText("Sam (Harbour & Pine Outdoor team): Hello Amelia, I can see your order.").First).ToBeVisibleAsync(timeout);
        // The customer was told who joined, and the reply shows the person's initials instead of the bot's.
        await Assertions.Expect(chat.GetByText("Sam from our team has joined the conversation").First).ToBeVisibleAsync(timeout);
        await Assertions.Expect(chat.Locator(".staff-avatar[title='Sam']").First).ToHaveTextAsync("S");
        await Browser.ShotAsync(customer, "customer-staff-reply.png");

        // The customer answers; it appears on the ticket page live, and the bot does not butt in.
        await Browser.SendAsync(customer, "Great, thank you so much!");
        await Assertions.Expect(staff.Locator("#transcript").GetByText("Great, thank you so much!")).ToBeVisibleAsync(timeout);
        await Assertions.Expect(chat.GetByText("welcome!")).ToHaveCountAsync(0);

        // Staff resolve; the bot takes over and asks for a rating, which is stored.
        await staff.GetByRole(AriaRole.Button, new() { Name = "Resolve and hand back to the bot" }).ClickAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "Yes, resolve it" }).ClickAsync();
        await Assertions.Expect(chat.GetByText("How would you rate the help you got").First).ToBeVisibleAsync(timeout);
        await chat.GetByRole(AriaRole.Toolbar, new() { Name = "Suggested actions" }).GetByRole(AriaRole.Button, new() { Name = "5" }).ClickAsync();
        await Assertions.Expect(chat.GetByText("Thank you for your rating!").First).ToBeVisibleAsync(timeout);
        await Assertions.Expect(staff.Locator(".rating")).ToHaveTextAsync("5 of 5", new() { Timeout = 20_000 });
        await Browser.ShotAsync(customer, "customer-after-handback.png", fullPage: true);
        await Browser.ShotAsync(staff, "console-resolved.png", fullPage: true);
        Assert.Empty(blockedInConsole);
        Assert.Empty(blockedInChat);
    }



    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _host?.Dispose();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
