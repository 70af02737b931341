using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample host behind a reverse proxy on this machine, whose pages a shop's own site may frame.</summary>
public sealed class ProxiedBotHost() : BotHost(settings: new Dictionary<string, string?>
{
    ["Staff:BootstrapAdmin:Email"] = ConsoleBotHost.AdminEmail,
    ["Staff:BootstrapAdmin:Password"] = ConsoleBotHost.AdminPassword,
    ["Proxy:KnownProxies:0"] = ProxiedBotHost.Proxy,
    ["Tickets:ReadApi:Enabled"] = "true",
    ["Security:FrameAncestors"] = "'self' https://www.shop.example",
    ["AllowedHosts"] = "localhost;chat.shop.example",
})
{
    public const string Proxy = "127.0.0.1";
}

public partial class WebSecurityTests(ProxiedBotHost host) : IClassFixture<ProxiedBotHost>
{
    [Fact]
    public async Task Behind_a_trusted_proxy_cookies_are_secure_and_the_chat_stream_is_wss_on_the_public_host()
    {
        var browser = Client(ProxiedBotHost.Proxy);
        Forwarded(browser, "203.0.113.7", "https", "chat.shop.example");

        var elsewhere = Client(ProxiedBotHost.Proxy);
        Forwarded(elsewhere, "203.0.113.7", "https", "evil.example");

        var (antiforgery, signIn) = await SignInAsync(browser);
        var chat = await WebChatConversation.StartAsync(browser);
        var notAllowedHost = await WebChatConversation.StartAsync(elsewhere);

        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Contains("secure", StaffCookie(signIn), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("wss://chat.shop.example/", chat.StreamUrl);
        Assert.StartsWith("wss://localhost/", notAllowedHost.StreamUrl); // a forwarded host must pass AllowedHosts too
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_trusted_proxy_are_ignored()
    {
        var browser = Client("10.1.2.3");
        Forwarded(browser, "203.0.113.8", "https", "chat.shop.example");

        var (antiforgery, signIn) = await SignInAsync(browser);
        var chat = await WebChatConversation.StartAsync(browser);

        Assert.DoesNotContain("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", StaffCookie(signIn), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("ws://localhost/", chat.StreamUrl);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_client_is_the_forwarded_address_not_the_proxy()
    {
        var local = Client(ProxiedBotHost.Proxy);
        var remote = Client(ProxiedBotHost.Proxy);
        Forwarded(remote, "203.0.113.9", "https", "chat.shop.example");

        // Tickets:ReadApi:Enabled lets this machine read the queue without signing in: not a visitor through the proxy.
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/api/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await remote.GetAsync("/api/tickets")).StatusCode);
    }

    [Fact]
    public async Task Cookies_are_secure_when_the_request_itself_is_https()
    {
        var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        browser.DefaultRequestHeaders.Add(TestClientAddress.Header, TestClientAddress.Random());

        var (antiforgery, signIn) = await SignInAsync(browser);

        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", StaffCookie(signIn), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_website_may_be_framed_where_the_setting_says_the_console_never()
    {
        var browser = Client(TestClientAddress.Random());

        var site = await browser.GetAsync("/");
        var console = await browser.GetAsync("/console/signin");

        Assert.EndsWith("frame-ancestors 'self' https://www.shop.example", site.Headers.GetValues("Content-Security-Policy").Single());
        Assert.False(site.Headers.Contains("X-Frame-Options")); // it cannot name another site; the CSP does
        Assert.EndsWith("frame-ancestors 'none'", console.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", console.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("Proxy__KnownProxies__0", "nginx.local", "Proxy:KnownProxies has 'nginx.local', which is not an IP address")]
    [InlineData("Proxy__KnownProxies", "10.0.0.5, nginx.local", "Proxy:KnownProxies has 'nginx.local', which is not an IP address")]
    [InlineData("Security__FrameAncestors", "'self'; script-src *", "Security:FrameAncestors has ''self';'")]
    public async Task A_wrong_security_setting_stops_the_start_naming_it(string name, string value, string message)
    {
        var data = RepoPaths.NewTempFolder();

        var (exitCode, _, errors) = await HostProcess.RunAsync(new Dictionary<string, string>
        {
            ["Storage__DataPath"] = data, [name] = value,
        }, TimeSpan.FromSeconds(120));

        Assert.Equal(1, exitCode);
        Assert.Contains(message, errors);
        RepoPaths.DeleteFolder(data);
    }

    private HttpClient Client(string peer)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, peer);
        return client;
    }

    private static void Forwarded(HttpClient client, string address, string scheme, string hostName)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", scheme);
        client.DefaultRequestHeaders.Add("X-Forwarded-Host", hostName);
    }

    /// <summary>
    /// Signs in as the admin, carrying the anti-forgery cookie by hand (a cookie container would not send a Secure
    /// cookie back over the test's plain http); returns that cookie's Set-Cookie and the response to the form.
    /// </summary>
    private static async Task<(string AntiforgeryCookie, HttpResponseMessage SignIn)> SignInAsync(HttpClient client)
    {
        var form = await client.GetAsync("/console/signin");
        var setCookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        var token = Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/console/signin")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = ConsoleBotHost.AdminEmail, ["Password"] = ConsoleBotHost.AdminPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", setCookie.Split(';')[0]);
        return (setCookie, await client.SendAsync(post));
    }

    private static string StaffCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("smbbot.staff=", StringComparison.Ordinal));

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
