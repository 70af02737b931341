using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// Plays the channel as Bot Framework Emulator does: a real HTTP server on loopback whose URL is the activities'
/// <c>serviceUrl</c>, recording every activity the bot posts back.
/// </summary>
public sealed class ChannelRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string ConversationId, JsonObject Activity)> _received = new();
    private readonly SemaphoreSlim _signal = new(0);

    private ChannelRecorder(WebApplication app) => _app = app;

    /// <summary>The URL to put in <c>serviceUrl</c>.</summary>
    public string ServiceUrl { get; private set; } = "";

    public static async Task<ChannelRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new ChannelRecorder(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", (string conversationId, JsonObject activity) => recorder.Record(conversationId, activity));
        app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, JsonObject activity) => recorder.Record(conversationId, activity));
        await app.StartAsync();
        recorder.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
        return recorder;
    }

    private IResult Record(string conversationId, JsonObject activity)
    {
        _received.Enqueue((Uri.UnescapeDataString(conversationId), activity));
        _signal.Release();
        return Results.Ok(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>Waits for the next activity the bot posts to <paramref name="conversationId"/>.</summary>
    public async Task<JsonObject> NextAsync(string conversationId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var pending = _received.ToArray();
            foreach (var item in pending)
            {
                if (item.ConversationId == conversationId && _taken.Add(item.Activity)) return item.Activity;
            }
            await _signal.WaitAsync(TimeSpan.FromMilliseconds(200));
        }
        throw new TimeoutException($"the bot posted nothing more to conversation {conversationId}");
    }

    /// <summary>Posts <paramref name="activity"/> to the bot and returns the next activity the bot sends to its conversation.</summary>
    public async Task<JsonObject> SayAsync(HttpClient bot, JsonObject activity)
    {
        var response = await bot.PostAsJsonAsync("/api/messages", activity);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await NextAsync((string)activity["conversation"]!["id"]!);
    }

    /// <summary>Activities received for <paramref name="conversationId"/> so far.</summary>
    public IReadOnlyList<JsonObject> All(string conversationId) =>
        _received.Where(r => r.ConversationId == conversationId).Select(r => r.Activity).ToArray();

    private readonly HashSet<JsonObject> _taken = new(ReferenceEqualityComparer.Instance);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
