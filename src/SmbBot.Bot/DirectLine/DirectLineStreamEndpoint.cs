using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using SmbBot.Core.DirectLine;
using static SmbBot.Bot.DirectLine.DirectLineHttp;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// The WebSocket stream: every page after the watermark, then each new activity as it is stored, in frames of
/// <c>{activities, watermark}</c> bounded like a poll's page.
/// </summary>
internal static class DirectLineStreamEndpoint
{
    public static async Task Stream(HttpContext http, string conversationId, DirectLineAccess access, IDirectLineStore store,
        DirectLineOptions options, IHostApplicationLifetime lifetime, DirectLinePresence presence)
    {
        // Browsers cannot set headers on a socket: the token comes in the query string.
        var (claims, conversation) = await access.CheckAsync(http, http.Request.Query["t"], conversationId);
        if (claims is null) return;
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await Error(http, 400, "BadArgument", "a WebSocket request is expected");
            return;
        }
        if (conversation is null)
        {
            await Error(http, 404, "BadArgument", "conversation not found");
            return;
        }
        using var socket = await http.WebSockets.AcceptWebSocketAsync();
        using var open = presence.StreamOpened(conversationId);
        var watermark = ParseWatermark(http.Request.Query["watermark"]);
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
        var reading = DrainAsync(socket, closing); // the client sends "" every 20 s; a close ends the stream
        // Cancelling a pending receive would abort the socket: the host's stop only ends the sending side, then says goodbye.
        using var streaming = CancellationTokenSource.CreateLinkedTokenSource(closing.Token, lifetime.ApplicationStopping);
        try
        {
            while (!streaming.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var page = DirectLinePage.Read(store, options, conversationId, watermark);
                if (page.Activities.Count > 0)
                {
                    await page.WriteAsync((bytes, last, cancel) => socket.SendAsync(bytes, WebSocketMessageType.Text, last, cancel), streaming.Token);
                    watermark = page.Watermark;
                    presence.Fetched(conversationId, watermark);
                    continue;
                }
                await store.ChangedAsync(conversationId, watermark, streaming.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        if (lifetime.ApplicationStopping.IsCancellationRequested) await SayGoodbyeAsync(socket, reading);
        await reading;
    }

    /// <summary>
    /// Closes the stream because the host is stopping (1001, "going away"): Web Chat reconnects when the bot is back,
    /// and the host does not wait for the socket until its shutdown timeout.
    /// </summary>
    private static async Task SayGoodbyeAsync(WebSocket socket, Task reading)
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "the bot is restarting", timeout.Token);
            }
            await reading.WaitAsync(TimeSpan.FromSeconds(2)); // the client's answering close frame
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or TimeoutException) { }
        socket.Abort();
    }

    private static async Task DrainAsync(WebSocket socket, CancellationTokenSource closing)
    {
        var buffer = new byte[1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, closing.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException) { }
        finally
        {
            await closing.CancelAsync();
        }
    }
}
