using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>Request bodies over an endpoint's limit, against the real server (Kestrel), also without a declared length.</summary>
public class RequestSizeLimitTests(DirectLineHost fixture) : IClassFixture<DirectLineHost>
{
    private static HttpContent Unsized(string text)
    {
        // A stream of unknown length goes out chunked: the server only finds out the size while reading.
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<(HttpStatusCode Status, JsonObject? Error)> Post(string path, HttpContent content, string? bearer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        var response = await fixture.Host.Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonNode.Parse(text)?["error"] as JsonObject : null);
    }

    [Fact]
    public async Task An_oversized_activity_without_a_length_gets_413_with_a_reason_on_the_messaging_endpoint()
    {
        var activity = Activities.Message("c-big-chunked", new string('a', 310 * 1024), expectReplies: true);

        var (status, error) = await Post("/api/messages", Unsized(activity.ToJsonString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("at most", (string?)error!["message"]);
    }

    [Fact]
    public async Task An_oversized_post_without_a_length_gets_413_MessageSizeTooBig_from_direct_line()
    {
        var chat = await WebChatConversation.StartAsync(fixture.Host.Client);
        var body = new JsonObject { ["type"] = "message", ["text"] = new string('x', 310 * 1024) }.ToJsonString();

        var (status, error) = await Post($"/v3/directline/conversations/{chat.ConversationId}/activities", Unsized(body), chat.Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("MessageSizeTooBig", (string?)error!["code"]);
    }

    [Fact]
    public async Task An_oversized_token_request_gets_413_not_500()
    {
        var body = new JsonObject { ["user"] = new JsonObject { ["id"] = "crm:C-1001", ["padding"] = new string('x', 20 * 1024) } }.ToJsonString();

        var (status, error) = await Post("/v3/directline/tokens/generate", new StringContent(body, Encoding.UTF8, "application/json"), DirectLineHost.Secret);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("MessageSizeTooBig", (string?)error!["code"]);
    }
}
