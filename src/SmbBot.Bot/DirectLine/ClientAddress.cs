using System.Net;
using System.Net.Sockets;

namespace SmbBot.Bot.DirectLine;

/// <summary>The key a client's address is counted under by the per-address limits.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The IPv4 address; for IPv6 its /64 network, since one subscriber is given a whole /64 and could otherwise use a
    /// new address for every request. An IPv4 address mapped into IPv6 counts as the IPv4 address.
    /// </summary>
    public static string Key(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
