using System.Net;
using System.Net.Sockets;

namespace SmbBot.Benchmarks;

/// <summary>
/// A loopback TCP relay in front of a PostgreSQL server that counts what the client sends: each read from the client
/// is one request the server answers before the client goes on (Npgsql sends a command, or a batch, as one write and
/// waits), so the count is the number of round trips.
/// </summary>
public sealed class RoundTripCounter : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly CancellationTokenSource _stop = new();
    private long _sends;

    public RoundTripCounter(int serverPort)
    {
        _serverPort = serverPort;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The relay's port on 127.0.0.1.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Client sends so far.</summary>
    public long Sends => Interlocked.Read(ref _sends);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            var server = new TcpClient { NoDelay = true };
            client.NoDelay = true;
            await server.ConnectAsync(IPAddress.Loopback, _serverPort);
            _ = PumpAsync(client.GetStream(), server.GetStream(), count: true);
            _ = PumpAsync(server.GetStream(), client.GetStream(), count: false);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, bool count)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                if (count) Interlocked.Increment(ref _sends);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            to.Socket.Shutdown(SocketShutdown.Send);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
