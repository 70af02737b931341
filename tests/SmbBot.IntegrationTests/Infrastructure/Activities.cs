using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>Builds activities as Bot Framework Emulator sends them, and reads the bot's decision entity.</summary>
public static class Activities
{
    public static JsonObject Message(string conversationId, string? text, string serviceUrl = "http://127.0.0.1:9/", bool expectReplies = false)
    {
        var activity = Base("message", conversationId, serviceUrl);
        activity["text"] = text;
        if (expectReplies) activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    public static JsonObject ConversationUpdate(string conversationId, string serviceUrl)
    {
        var activity = Base("conversationUpdate", conversationId, serviceUrl);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "user-1", ["name"] = "User" }, new JsonObject { ["id"] = "bot-1", ["name"] = "Bot" });
        return activity;
    }

    public static JsonObject Base(string type, string conversationId, string serviceUrl) => new()
    {
        ["type"] = type,
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
        ["channelId"] = "emulator",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = "user-1", ["name"] = "User", ["role"] = "user" },
        ["recipient"] = new JsonObject { ["id"] = "bot-1", ["name"] = "Bot", ["role"] = "bot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId },
        ["locale"] = "en-GB",
    };

    /// <summary>
    /// What the customer is told about a person's reply, open ("A person will reply here by 14:00 today.") or closed
    /// ("We're closed now; a person will reply tomorrow after 09:00."): the sample business's hours and the clock decide.
    /// </summary>
    public const string ReplyPromise =
        @"(A person will reply here by \d\d:\d\d (today|tomorrow|on \w+( \d+ \w+)?)|We're closed (now|for [^;]+); a person will reply (today|tomorrow|on \w+ \d+ \w+) after \d\d:\d\d)\.";

    /// <summary>The <c>smbbot.decision</c> entity of a reply, or null.</summary>
    public static JsonObject? Decision(JsonObject reply) =>
        reply["entities"]?.AsArray().OfType<JsonObject>().FirstOrDefault(e => (string?)e["type"] == "smbbot.decision");

    /// <summary>Sends one message with <c>deliveryMode: expectReplies</c> and returns the replies.</summary>
    public static async Task<JsonArray> AskAsync(HttpClient client, string text, string? conversationId = null)
    {
        var response = await client.PostAsJsonAsync("/api/messages", Message(conversationId ?? Guid.NewGuid().ToString("N"), text, expectReplies: true));
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{(int)response.StatusCode} for '{text}': {(await response.Content.ReadAsStringAsync())[..Math.Min(3000, (int)(response.Content.Headers.ContentLength ?? 3000))]}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return body!["activities"]!.AsArray();
    }
}
