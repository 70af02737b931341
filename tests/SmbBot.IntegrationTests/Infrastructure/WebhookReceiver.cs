using System.Collections.Concurrent;
using System.Net;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>An HTTP listener on a loopback port that records every post, as a Slack or Teams webhook would receive it.</summary>
public sealed class WebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Post> _posts = new();

    public WebhookReceiver()
    {
        var port = LoopbackPort.Free();
        Url = $"http://127.0.0.1:{port}/hooks/T000/B000/secret-token/";
        _listener.Prefixes.Add(Url);
        _listener.Start();
        _ = Task.Run(ReceiveAsync);
    }

    public string Url { get; }

    /// <summary>One post: headers and the raw body.</summary>
    public sealed record Post(string Body, string? Signature, string? Timestamp, string? Delivery, string? ContentType);

    public IReadOnlyList<Post> Posts => _posts.ToArray();

    public async Task<Post> WaitForAsync(Func<Post, bool> match, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            if (Posts.FirstOrDefault(match) is { } post) return post;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no matching webhook post; got {Posts.Count}");
            await Task.Delay(100);
        }
    }

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            using (var reader = new StreamReader(context.Request.InputStream))
            {
                var h = context.Request.Headers;
                _posts.Enqueue(new Post(await reader.ReadToEndAsync(), h["X-SmbBot-Signature"], h["X-SmbBot-Timestamp"], h["X-SmbBot-Delivery"], context.Request.ContentType));
            }
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
