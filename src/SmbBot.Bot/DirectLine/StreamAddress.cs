using System.Net;
using Microsoft.AspNetCore.Http;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// Where the page opens its WebSocket (<c>streamUrl</c>). The token travels in it, so it is never built from a Host
/// header the server does not answer to: that would hand the token to whatever host a request claims.
/// </summary>
public static class StreamAddress
{
    /// <summary>
    /// The <c>ws://</c> or <c>wss://</c> root for the stream: from <paramref name="publicUrl"/> when set; otherwise from
    /// the request when its Host passed host filtering (<paramref name="hostsFiltered"/>) or is one of
    /// <paramref name="listening"/> (a wildcard binding answers to IP addresses and <c>localhost</c>, not to names
    /// nobody configured); null when the Host cannot be trusted.
    /// </summary>
    public static string? Root(string? publicUrl, string requestScheme, HostString requestHost, PathString pathBase,
        bool hostsFiltered, IReadOnlyCollection<string> listening)
    {
        if (publicUrl is { Length: > 0 })
        {
            var uri = new Uri(publicUrl);
            return $"{(uri.Scheme == "https" ? "wss" : "ws")}://{uri.Authority}{uri.AbsolutePath.TrimEnd('/')}";
        }
        if (!requestHost.HasValue || !(hostsFiltered || IsListenedOn(requestScheme, requestHost, listening))) return null;
        return $"{(requestScheme == "https" ? "wss" : "ws")}://{requestHost.ToUriComponent()}{pathBase.ToUriComponent()}";
    }

    private static bool IsListenedOn(string scheme, HostString host, IReadOnlyCollection<string> listening)
    {
        var name = host.Host.Trim('[', ']');
        var port = host.Port ?? (scheme == "https" ? 443 : 80);
        var isLoopbackName = name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(name, out var ip) && IPAddress.IsLoopback(ip);
        // A server with no known addresses (the in-memory test server) answers only to loopback names.
        if (listening.Count == 0) return isLoopbackName;
        foreach (var address in listening)
        {
            if (!TryParse(address, out var bound)) continue;
            if (bound.Port != port) continue;
            var boundHost = bound.Host.Trim('[', ']');
            var wildcard = boundHost is "0.0.0.0" or "::" or "+" or "*";
            if (wildcard && (isLoopbackName || IPAddress.TryParse(name, out _))) return true;
            if (boundHost.Equals("localhost", StringComparison.OrdinalIgnoreCase) && isLoopbackName) return true;
            if (boundHost.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    private static bool TryParse(string address, out BindingAddress bound)
    {
        try
        {
            bound = BindingAddress.Parse(address);
            return true;
        }
        catch (FormatException)
        {
            bound = null!;
            return false;
        }
    }
}
