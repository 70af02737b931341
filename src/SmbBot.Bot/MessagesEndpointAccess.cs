using System.Net;
using Microsoft.AspNetCore.Http;

namespace SmbBot.Bot;

/// <summary>
/// Who may use <c>/api/messages</c> when no <c>MicrosoftAppId</c> is set. Then nothing authenticates the caller, so the
/// endpoint is only for Bot Framework Emulator on this machine: calls from elsewhere, calls relayed by a proxy, and
/// activities whose <c>serviceUrl</c> points anywhere but this machine are refused, or anyone could make the bot post to
/// any address (server-side request forgery). The website chat does not use this endpoint: the built-in Direct Line
/// channel hands its activities to the bot inside the process.
/// </summary>
public static class MessagesEndpointAccess
{
    /// <summary>Headers a reverse proxy adds; a loopback caller that sends one is relaying someone else.</summary>
    public static readonly string[] RelayHeaders = ["X-Forwarded-For", "Forwarded", "X-Real-IP", "X-Forwarded-Host"];

    private const string OnlyThisMachine =
        "without MicrosoftAppId this endpoint serves Bot Framework Emulator on this machine only; set MicrosoftAppId, " +
        "MicrosoftAppPassword and MicrosoftAppType to connect a channel from elsewhere";

    /// <summary>Null when the caller may be served; else why not. <paramref name="remote"/> is null in-process.</summary>
    public static string? CallerProblem(bool authEnabled, IPAddress? remote, bool relayed) =>
        authEnabled || (!relayed && (remote is null || IPAddress.IsLoopback(remote))) ? null : OnlyThisMachine;

    /// <summary>Null when the bot may reply to <paramref name="serviceUrl"/>; else why not.</summary>
    public static string? ServiceUrlProblem(bool authEnabled, Uri serviceUrl) =>
        authEnabled || IsThisMachine(serviceUrl) ? null : $"'serviceUrl' must be on this machine (localhost): {OnlyThisMachine}";

    /// <summary>The caller check for a request.</summary>
    public static string? CallerProblem(bool authEnabled, HttpContext http) =>
        CallerProblem(authEnabled, http.Connection.RemoteIpAddress, RelayHeaders.Any(h => http.Request.Headers.ContainsKey(h)));

    /// <summary>True when <paramref name="url"/> names this machine: <c>localhost</c> or a loopback address.</summary>
    public static bool IsThisMachine(Uri url) =>
        url.HostNameType == UriHostNameType.Dns
            ? url.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            : IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
}
