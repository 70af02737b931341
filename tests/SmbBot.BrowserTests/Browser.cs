using Microsoft.Playwright;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.BrowserTests;

/// <summary>Debian's Chromium driven by Playwright (the package's own browser download cannot work here), and page helpers.</summary>
public static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Headless Chromium with the flags this machine's closed network needs.</summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium package (.ci/run does)");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>Collects what Chromium reports as blocked by the Content-Security-Policy on this page.</summary>
    public static List<string> CspViolations(IPage page)
    {
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        return violations;
    }

    /// <summary>Types a message into Web Chat's send box and sends it.</summary>
    public static async Task SendAsync(IPage page, string text)
    {
        var box = page.Locator("[data-id='webchat-sendbox-input']");
        await box.FillAsync(text);
        await box.PressAsync("Enter");
    }

    /// <summary>Saves a screenshot under artifacts/screenshots.</summary>
    public static async Task ShotAsync(IPage page, string name, bool fullPage = false)
    {
        var folder = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = fullPage });
    }
}
