using System.Net;
using System.Net.Sockets;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>Free loopback ports for the processes and servers the tests start.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on now.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
