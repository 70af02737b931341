using System.Diagnostics;
using System.Net.WebSockets;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>Stopping the host as a service manager or Ctrl+C does, with a website chat open.</summary>
public class ShutdownTests : IDisposable
{
    private readonly string _data = RepoPaths.NewTempFolder();

    /// <summary>Sends SIGTERM, as systemd, docker stop or Ctrl+C (SIGINT, handled alike) do.</summary>
    private static async Task TerminateAsync(Process process)
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]);
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    [Fact]
    public async Task Stopping_the_host_closes_open_chat_streams_and_exits_within_seconds()
    {
        using var host = await HostProcess.StartAsync(new Dictionary<string, string> { ["Storage__DataPath"] = _data });
        var chat = await WebChatConversation.StartAsync(host.Client);
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(chat.StreamUrl), CancellationToken.None);
        var closed = ReadUntilClosedAsync(socket);

        await TerminateAsync(host.Process);
        await Task.WhenAny(host.Process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(host.Process.HasExited, "the host was still running 10 s after SIGTERM");
        Assert.Equal(0, host.Process.ExitCode);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, await closed.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    /// <summary>Reads frames until the server closes the socket; the status it closed with, or null if it just dropped.</summary>
    private static async Task<WebSocketCloseStatus?> ReadUntilClosedAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                if (result.MessageType == WebSocketMessageType.Close) return result.CloseStatus;
            }
        }
        catch (WebSocketException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
