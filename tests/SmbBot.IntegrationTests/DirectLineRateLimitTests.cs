using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The per-conversation allowance of posts (<c>DirectLine:PostBurst</c> is 5 in this host).</summary>
public class DirectLineRateLimitTests(DirectLineHost fixture) : IClassFixture<DirectLineHost>
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
}
