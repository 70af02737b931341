using System.Net;
using System.Net.Sockets;

namespace SmbBot.Host;

/// <summary>
/// Finds a listening address another program already holds, before the start spends its time on the knowledge and
/// the classifier (the server itself binds only after them).
/// </summary>
public static class ListenAddressCheck
{
    /// <summary>The first configured address that is already in use, or null.</summary>
    public static string? TakenAddress(IConfiguration configuration) => Addresses(configuration).FirstOrDefault(InUse);

    /// <summary>The line the owner reads when <paramref name="address"/> is taken.</summary>
    public static string Explain(string address) => Advice($"{address} is already in use by another program");

    /// <summary>The line the owner reads when the server itself found an address taken (<paramref name="problem"/>).</summary>
    public static string Advice(string problem) =>
        $"SmbBot cannot start: {problem.TrimEnd('.')}. Stop the other program, or choose another address with --urls, " +
        "the ASPNETCORE_URLS environment variable or \"Urls\" in appsettings.json.";

    // Kestrel's endpoints, when configured, replace the urls setting.
    private static IEnumerable<string> Addresses(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        return endpoints.Count > 0 ? endpoints : (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static bool InUse(string url)
    {
        BindingAddress address;
        try { address = BindingAddress.Parse(url); }
        catch (FormatException) { return false; } // the server reports a malformed address itself
        if (address.IsUnixPipe || address.Port == 0) return false;
        var ip = address.Host switch
        {
            "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(address.Host.Trim('[', ']'), out var parsed) => parsed,
            _ => IPAddress.Any, // "*", "+" and host names: the server listens on every interface
        };
        using var probe = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(ip, address.Port));
            return false;
        }
        catch (SocketException e)
        {
            // Anything else (an address this machine does not have, a privileged port) is the server's to report.
            return e.SocketErrorCode == SocketError.AddressAlreadyInUse;
        }
    }
}
