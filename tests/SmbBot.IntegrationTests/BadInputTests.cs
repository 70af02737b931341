using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

public class BadInputTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    private async Task<(HttpStatusCode Status, string Body)> PostRawAsync(string body, string contentType = "application/json")
    {
        var response = await host.CreateClient().PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, contentType));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"serviceUrl\":\"http://127.0.0.1:9/\"}", "no 'conversation'")]
    [InlineData("{\"type\":\"message\",\"conversation\":{},\"serviceUrl\":\"http://127.0.0.1:9/\"}", "no 'conversation' with an 'id'")]
    [InlineData("{\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:9/\"}", "no 'type'")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"}}", "no 'serviceUrl'")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"file:///etc/passwd\"}", "absolute http or https URL")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"text\":\"hi\"}", "no 'serviceUrl'")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\",\"serviceUrl\":\"not a url\"}", "absolute http or https URL")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:9/\",\"serviceUrl\":\"not a url\"}", "Duplicate property 'serviceUrl'")]
    [InlineData("{\"type\":\"message\",\"conversation\":{\"id\":\"c\"},\"serviceUrl\":\"http://127.0.0.1:9/\",\"text\":{\"a\":1}}", "'text' must be a string")]
    public async Task Malformed_activities_get_400_with_a_reason(string body, string reason)
    {
        var (status, text) = await PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(reason, JsonNode.Parse(text)!["error"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_oversized_activity_gets_413()
    {
        var activity = Activities.Message("c-big", new string('a', 310 * 1024), expectReplies: true);

        var (status, _) = await PostRawAsync(activity.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
    }

    [Fact]
    public async Task An_authorization_header_is_refused_when_no_app_id_is_configured()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(Activities.Message("c-auth", "hi", expectReplies: true)),
        };
        request.Headers.Authorization = new("Bearer", "not-a-token");

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t\n  ")]
    [InlineData(null)]
    [InlineData("\u0000\u0007\u200B")]
    public async Task Empty_or_whitespace_text_gets_a_polite_prompt(string? text)
    {
        var replies = await Activities.AskAsync(host.CreateClient(), text!);

        Assert.Contains("I didn't catch a question", (string?)Assert.Single(replies)!["text"]);
    }

    [Fact]
    public async Task A_20000_character_message_is_answered()
    {
        var text = "How much does delivery cost? " + string.Concat(Enumerable.Repeat("Please tell me more. ", 1000));
        Assert.True(text.Length > 20_000);

        var replies = await Activities.AskAsync(host.CreateClient(), text);

        var decision = Activities.Decision(Assert.Single(replies)!.AsObject())!;
        Assert.NotNull(decision["route"]);
    }

    [Theory]
    [InlineData("🙂🙂🙂 opening hours? 🕘")]
    [InlineData("מה שעות הפתיחה שלכם?")]
    [InlineData("مرحبا، متى تفتحون؟")]
    [InlineData("hours\u0000\u001b[31m\u202E\uFEFF?")]
    [InlineData("\uD800 broken surrogate")]
    [InlineData("<script>alert(1)</script>")]
    public async Task Emoji_right_to_left_and_control_characters_get_a_reply(string text)
    {
        var replies = await Activities.AskAsync(host.CreateClient(), text);

        Assert.NotNull(Activities.Decision(replies[^1]!.AsObject()));
    }

    [Theory]
    [InlineData("typing")]
    [InlineData("messageReaction")]
    [InlineData("somethingNew")]
    public async Task Unknown_and_non_message_activity_types_are_ignored(string type)
    {
        var activity = Activities.Base(type, "c-types", "http://127.0.0.1:9/");
        activity["deliveryMode"] = "expectReplies";

        var response = await host.CreateClient().PostAsJsonAsync("/api/messages", activity);

        Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
        var body = await response.Content.ReadAsStringAsync();
        var replies = body.Length == 0 ? [] : JsonNode.Parse(body)?["activities"]?.AsArray() ?? [];
        Assert.Empty(replies);
    }
}
