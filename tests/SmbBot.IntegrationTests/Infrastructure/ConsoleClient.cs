using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// A browser-like client of the staff console: keeps cookies, sends the anti-forgery token with forms. Each in-process
/// client comes from an address of its own (<paramref name="address"/>, or a random one), see <see cref="TestClientAddress"/>.
/// </summary>
public sealed partial class ConsoleClient
{
    public ConsoleClient(BotHost host, string? address = null)
        : this(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), address ?? TestClientAddress.Random())
    {
    }

    private ConsoleClient(HttpClient http, string? address)
    {
        Http = http;
        Address = address ?? "";
        if (address is not null) Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
    }

    /// <summary>A client of a host running as its own process at <paramref name="baseAddress"/>.</summary>
    public static ConsoleClient Over(Uri baseAddress) =>
        new(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress }, null);

    public HttpClient Http { get; }

    /// <summary>The address the host sees this client's requests come from (empty for a host in its own process).</summary>
    public string Address { get; }

    /// <summary>A client of a host running in its own process at <paramref name="baseAddress"/>.</summary>
    public static ConsoleClient For(Uri baseAddress) => Over(baseAddress);

    /// <summary>Signs in; returns the response to the form post.</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/console/signin", "/console/signin", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>Loads <paramref name="formPage"/> for its anti-forgery token, then posts the form to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(formPage);
        fields["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value;
        return await Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        var response = await Http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
