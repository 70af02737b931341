using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>A customer in the website chat, polling as Web Chat does without a stream.</summary>
public sealed class DirectLineChat(HttpClient client, WebChatConversation chat)
{
    private readonly List<string> _seen = [];
    private int _watermark = -1;

    public string ConversationId => chat.ConversationId;

    public static async Task<DirectLineChat> StartAsync(HttpClient client) => new(client, await WebChatConversation.StartAsync(client));

    /// <summary>Posts a message as the customer.</summary>
    public async Task SayAsync(string text) => (await PostAsync(text)).EnsureSuccessStatusCode();

    /// <summary>Posts a message as the customer; the answer as it came.</summary>
    public async Task<HttpResponseMessage> PostAsync(string text)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities")
        {
            Content = new StringContent(new JsonObject { ["type"] = "message", ["text"] = text }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
        return await client.SendAsync(post);
    }

    /// <summary>One poll: the activities after the last one seen.</summary>
    public async Task<IReadOnlyList<JsonObject>> PollAsync(bool fromStart = false)
    {
        var get = new HttpRequestMessage(HttpMethod.Get, $"/v3/directline/conversations/{chat.ConversationId}/activities" + (fromStart || _watermark < 0 ? "" : $"?watermark={_watermark}"));
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
        var page = (await (await client.SendAsync(get)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>())!;
        _watermark = int.Parse((string)page["watermark"]!);
        return page["activities"]!.AsArray().OfType<JsonObject>().ToArray();
    }

    /// <summary>Polls until the bot sends a message matching <paramref name="match"/>.</summary>
    public async Task<JsonObject> WaitForAsync(Func<JsonObject, bool> match, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var page = await PollAsync();
            _seen.AddRange(page.Select(a => $"{a["from"]?["role"]} {a["type"]}: {a["text"]}"));
            var found = page.FirstOrDefault(a => (string?)a["from"]?["role"] == "bot" && (string?)a["type"] == "message" && match(a));
            if (found is not null) return found;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the bot did not send the expected message in time; the chat has: {string.Join(" | ", _seen)}");
            await Task.Delay(200);
        }
    }
}
