using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// <c>/api/messages</c> without an app id is for Bot Framework Emulator on the same machine: it must not be a way to
/// make the bot post anywhere, and odd identifiers must get a 400, never a 500.
/// </summary>
public class MessagesEndpointHardeningTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    private async Task<(HttpStatusCode Status, string Body)> PostAsync(string body, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        configure?.Invoke(request);
        var response = await host.CreateClient().SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static string Message(string conversationId, string serviceUrl = "http://127.0.0.1:9/") =>
        Activities.Message(conversationId, "opening hours?", serviceUrl, expectReplies: true).ToJsonString();

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://10.0.0.5:8080/")]
    [InlineData("https://example.com/")]
    [InlineData("http://localhost.example.com/")]
    [InlineData("http://127.0.0.1.nip.io/")]
    public async Task Without_an_app_id_the_bot_replies_only_to_this_machine(string serviceUrl)
    {
        var (status, body) = await PostAsync(Message(Guid.NewGuid().ToString("N"), serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("this machine", JsonNode.Parse(body)!["error"]!["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://localhost:9/")]
    [InlineData("http://127.0.0.1:9/")]
    [InlineData("http://[::1]:9/")]
    public async Task Emulator_on_this_machine_is_answered(string serviceUrl)
    {
        var (status, body) = await PostAsync(Message(Guid.NewGuid().ToString("N"), serviceUrl));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEmpty(JsonNode.Parse(body)!["activities"]!.AsArray());
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public async Task A_call_relayed_by_a_proxy_is_not_taken_for_this_machine(string header, string value)
    {
        var (status, _) = await PostAsync(Message(Guid.NewGuid().ToString("N")), r => r.Headers.TryAddWithoutValidation(header, value));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"deliveryMode\":\"expectReplies\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\\ud800x\"}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"deliveryMode\":\"expectReplies\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"},\"from\":{\"id\":\"u\\udc00\"}}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"deliveryMode\":\"expectReplies\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"},\"from\":\"u\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"deliveryMode\":\"expectReplies\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"},\"channelId\":7}")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"deliveryMode\":\"expectReplies\",\"serviceUrl\":\"http://127.0.0.1:9/\",\"conversation\":{\"id\":\"c\"},\"attachments\":{}}")]
    [InlineData("{\"type\":7,\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:9/\"}")]
    public async Task Odd_identifiers_and_field_types_get_400(string body)
    {
        var (status, text) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.NotNull(JsonNode.Parse(text)!["error"]!["message"]);
    }

    [Fact]
    public async Task A_conversation_id_too_long_to_keep_gets_400()
    {
        var (status, text) = await PostAsync(Message(new string('c', 1100)));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("'conversation.id'", JsonNode.Parse(text)!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_conversation_id_of_many_multibyte_characters_gets_an_answer_or_400_never_500()
    {
        var (status, _) = await PostAsync(Message(new string('é', 400)));

        Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, status.ToString());
    }

    [Fact]
    public async Task A_reply_that_cannot_reach_the_serviceUrl_gets_502_not_500()
    {
        var activity = Activities.Message(Guid.NewGuid().ToString("N"), "opening hours?", "http://127.0.0.1:9/");

        var (status, body) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Contains("'serviceUrl'", JsonNode.Parse(body)!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_the_channel_refuses_gets_502_not_500()
    {
        await using var channel = await ChannelRecorder.StartAsync();
        // A channel that answers the reply's post with 404 (no such path on it).
        var activity = Activities.Message(Guid.NewGuid().ToString("N"), "opening hours?", channel.ServiceUrl.TrimEnd('/') + "/nowhere/");

        var (status, _) = await PostAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.BadGateway, status);
    }
}
