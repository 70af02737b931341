using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>
/// A customer in the website chat who posts as Web Chat does: each attempt carries a new
/// <c>channelData.clientActivityID</c>; when a post fails (a 5xx from the proxy, a dropped connection) the echo of that
/// id in the conversation decides whether it was stored, and only a message that was not is posted again.
/// </summary>
public sealed class WebChatCustomer(HttpClient site, WebChatConversation chat)
{
    private int _attempts;

    public string ConversationId => chat.ConversationId;

    /// <summary>How many posts were made, failed ones included.</summary>
    public int Attempts => _attempts;

    /// <summary>The messages the customer was told were sent, in order: text, stored id, and which post attempt (0, 1, …) stored it.</summary>
    public List<(string Text, string Id, int Attempt)> Sent { get; } = [];

    /// <summary>
    /// Says <paramref name="text"/> and waits up to <paramref name="seconds"/> for the bot's replies to it; their texts
    /// joined (once <paramref name="until"/> holds, when given), or null when none came. <paramref name="sent"/> is
    /// called once the message is sent, before the wait.
    /// </summary>
    public async Task<string?> SayAndWaitAsync(string text, int seconds, Func<string, bool>? until = null, Action? sent = null)
    {
        var id = await SendAsync(text);
        sent?.Invoke();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        string? replies = null;
        while (DateTime.UtcNow < deadline)
        {
            var texts = (await AllAsync()).Where(a => (string?)a["from"]?["role"] == "bot" && (string?)a["replyToId"] == id).Select(a => (string?)a["text"] ?? "").ToArray();
            replies = texts.Length == 0 ? null : string.Join("\n", texts);
            if (replies is not null && (until is null || until(replies))) return replies;
            await Task.Delay(300);
        }
        return replies;
    }

    /// <summary>Every activity of the conversation; a failed read is tried again (the proxy moves on from a dead host).</summary>
    public async Task<IReadOnlyList<JsonObject>> AllAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities");
                get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
                using var response = await site.SendAsync(get);
                if (response.IsSuccessStatusCode)
                    return (await response.Content.ReadFromJsonAsync<JsonObject>())!["activities"]!.AsArray().OfType<JsonObject>().ToArray();
                if (attempt == 5) throw new InvalidOperationException($"reading the conversation failed: {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && attempt < 5) { }
            await Task.Delay(300);
        }
    }

    private async Task<string> SendAsync(string text)
    {
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var clientId = Guid.NewGuid().ToString("N");
            var number = _attempts++;
            string? id = null;
            try
            {
                using var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities")
                {
                    Content = new StringContent(new JsonObject
                    {
                        ["type"] = "message", ["text"] = text, ["channelData"] = new JsonObject { ["clientActivityID"] = clientId },
                    }.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
                using var response = await site.SendAsync(post);
                if (response.IsSuccessStatusCode) id = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
                else if ((int)response.StatusCode is >= 400 and < 500)
                    throw new InvalidOperationException($"the post was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            // A failed post may still have been stored: its echo says so.
            id ??= (string?)(await AllAsync()).FirstOrDefault(a => (string?)a["channelData"]?["clientActivityID"] == clientId)?["id"];
            if (id is not null)
            {
                Sent.Add((text, id, number));
                return id;
            }
            await Task.Delay(300);
        }
        throw new InvalidOperationException($"a message could not be sent in 5 attempts");
    }
}
