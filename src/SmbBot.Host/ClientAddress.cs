using System.Net;

namespace SmbBot.Host;

/// <summary>The key that per-address limits count by.</summary>
public static class ClientAddress
{
    /// <summary>
    /// An IPv4 address as it is; an IPv6 address by its /64 network, since one subscriber usually holds a whole /64 and
    /// could otherwise take a fresh address for every request. Unknown (in-process test server) is one key of its own.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
