using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>A host whose clients may post 12 messages a minute per address.</summary>
public sealed class PostLimitsHost : DirectLineHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings => [new("DirectLine__PostsPerAddressPerMinute", "12")];
}

/// <summary>
/// The allowances of posts: per conversation (<c>DirectLine:PostBurst</c> is 5 in this host) and per client address
/// (<c>DirectLine:PostsPerAddressPerMinute</c> is 12).
/// </summary>
public class DirectLineRateLimitTests(PostLimitsHost fixture) : IClassFixture<PostLimitsHost>
{
    private async Task<HttpResponseMessage> PostTyping(string conversationId, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{conversationId}/activities")
        {
            Content = new StringContent("{\"type\":\"typing\"}", Encoding.UTF8, "application/json"),
        };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await fixture.Host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Posts_without_a_token_or_with_a_forged_one_do_not_use_up_the_customers_allowance_and_the_429_says_why()
    {
        var chat = await WebChatConversation.StartAsync(fixture.Host.Client);

        var anonymous = new List<HttpStatusCode>();
        for (int i = 0; i < 8; i++) anonymous.Add((await PostTyping(chat.ConversationId, null)).StatusCode);
        var forged = new List<HttpStatusCode>();
        for (int i = 0; i < 8; i++) forged.Add((await PostTyping(chat.ConversationId, "eyJhbGciOiJIUzI1NiJ9.eyJjb252IjoieCJ9.forged")).StatusCode);
        var mine = new List<HttpStatusCode>();
        for (int i = 0; i < 5; i++) mine.Add((await PostTyping(chat.ConversationId, chat.Token)).StatusCode);
        var refused = await PostTyping(chat.ConversationId, chat.Token);

        Assert.All(anonymous, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.DoesNotContain(HttpStatusCode.OK, forged); // refused, and from a bucket of their own
        Assert.All(mine, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Equal("TooManyRequests", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["code"]);
    }

    [Fact]
    public async Task Many_conversations_from_one_address_share_its_allowance_and_other_addresses_keep_theirs()
    {
        using var client = fixture.ClientFrom("127.0.0.5");
        using var neighbour = fixture.ClientFrom("127.0.0.6");
        var chats = new List<WebChatConversation>();
        for (int i = 0; i < 3; i++) chats.Add(await WebChatConversation.StartAsync(client));
        var other = await WebChatConversation.StartAsync(neighbour);

        var statuses = new List<HttpStatusCode>();
        foreach (var chat in chats)
            for (int i = 0; i < 5; i++) statuses.Add((await Post(client, chat, "{\"type\":\"typing\"}")).StatusCode);
        var refused = await Post(client, chats[0], "{\"type\":\"typing\"}");
        var neighbours = await Post(neighbour, other, "{\"type\":\"typing\"}");

        Assert.Equal(12, statuses.Count(s => s == HttpStatusCode.OK)); // each conversation alone could post 5
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("too many messages; wait a moment", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["error"]!["message"]);
        Assert.Equal(HttpStatusCode.OK, neighbours.StatusCode);
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, WebChatConversation chat, string json)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{chat.ConversationId}/activities")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
        return client.SendAsync(request);
    }
}
