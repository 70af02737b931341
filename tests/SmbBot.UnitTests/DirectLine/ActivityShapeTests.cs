using Newtonsoft.Json.Linq;
using SmbBot.Bot.DirectLine;

namespace SmbBot.UnitTests.DirectLine;

public class ActivityShapeTests
{
    [Theory]
    [InlineData("""{"type":"message","text":5}""", "'text' must be a string")]
    [InlineData("""{"type":"message","text":"hi","from":"x"}""", "'from' must be an object")]
    [InlineData("""{"type":"message","text":"hi","from":{"id":"u","name":{"a":1}}}""", "'from.name' must be a string")]
    [InlineData("""{"type":"message","attachments":{}}""", "'attachments' must be an array of objects")]
    [InlineData("""{"type":"message","attachments":["a"]}""", "'attachments' must be an array of objects")]
    [InlineData("""{"type":"message","attachments":[{"contentType":7}]}""", "'attachments[].contentType' must be a string")]
    [InlineData("""{"type":5}""", "'type' must be a string")]
    [InlineData("""{"type":""}""", "'type' must be 1-64 characters")]
    [InlineData("""{"type":"message","channelData":"x"}""", "'channelData' must be an object")]
    [InlineData("""{"type":"message","entities":[1]}""", "'entities' must be an array of objects")]
    [InlineData("""{"type":"message","suggestedActions":{"actions":"x"}}""", "'suggestedActions.actions' must be an array of objects")]
    [InlineData("""{"type":"message","listenFor":[{}]}""", "'listenFor' must be an array of strings")]
    [InlineData("""{"type":"message","membersAdded":{"id":"x"}}""", "'membersAdded' must be an array of objects")]
    public void An_activity_with_a_field_of_the_wrong_type_is_refused_with_the_field_named(string json, string problem) =>
        Assert.Equal(problem, ActivityShape.Problem(JObject.Parse(json)));

    [Fact]
    public void A_field_the_bot_cannot_read_is_refused_even_when_not_listed()
    {
        var problem = ActivityShape.Problem(JObject.Parse("""{"type":"message","timestamp":{"a":1}}"""));

        Assert.Equal("'timestamp' does not have the type a Bot Framework activity gives it", problem);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"2026-12-01T10:00:00Z","channelId":"webchat","from":{"id":"dl_1","role":"user"},"locale":"en-GB","localTimestamp":"2026-12-01T10:00:00.000+00:00","localTimezone":"Europe/London","channelData":{"clientActivityID":"c-1"},"attachments":[],"entities":[{"requiresBotState":true,"supportsListening":true,"supportsTts":true,"type":"ClientCapabilities"}]}""")]
    [InlineData("""{"type":"message","text":"how much is postage","from":{"id":"dl_1","name":"Ann","role":"user"},"channelData":{"clientActivityID":"c-1"},"locale":"en-GB","textFormat":"plain","attachments":[],"entities":[{"type":"ClientCapabilities","requiresBotState":true}]}""")]
    [InlineData("""{"type":"typing","from":{"id":"dl_1"}}""")]
    [InlineData("""{"type":"message","text":null,"value":{"any":["thing",1]}}""")]
    [InlineData("""{"type":"message","text":"hi","from":null,"suggestedActions":null}""")]
    [InlineData("""{"type":"message","attachments":[{"contentType":"image/png","contentUrl":"https://example.com/a.png","name":"a.png"}]}""")]
    public void Activities_as_Web_Chat_sends_them_are_accepted(string json) => Assert.Null(ActivityShape.Problem(JObject.Parse(json)));
}
