using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SmbBot.IntegrationTests.Infrastructure;

/// <summary>A website chat started as the page does: a token from the site, then the Direct Line conversation.</summary>
public sealed record WebChatConversation(string ConversationId, string Token, string StreamUrl)
{
    public static async Task<WebChatConversation> StartAsync(HttpClient client)
    {
        var site = JsonNode.Parse(await (await client.PostAsync("/api/webchat/token", null)).Content.ReadAsStringAsync())!;
        var start = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations")
        {
            Content = new StringContent("{\"user\":{}}", Encoding.UTF8, "application/json"),
        };
        start.Headers.Authorization = new AuthenticationHeaderValue("Bearer", (string)site["token"]!);
        var started = JsonNode.Parse(await (await client.SendAsync(start)).Content.ReadAsStringAsync())!;
        return new((string)started["conversationId"]!, (string)started["token"]!, (string)started["streamUrl"]!);
    }
}
