using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace SmbBot.IntegrationTests;

/// <summary>A host handing out 3 tokens and 2 conversation starts a minute per address, 5 and 3 to everyone.</summary>
public sealed class EntryLimitsHost : DirectLineHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("DirectLine__TokensPerAddressPerMinute", "3"), new("DirectLine__TokensPerMinute", "5"),
        new("DirectLine__StartsPerAddressPerMinute", "2"), new("DirectLine__StartsPerMinute", "3"),
    ];
}

/// <summary>Anonymous visitors cannot get tokens or start conversations without end, alone or together.</summary>
public class DirectLineEntryLimitTests(EntryLimitsHost fixture) : IClassFixture<EntryLimitsHost>
{
    [Fact]
    public async Task Tokens_are_limited_per_address_and_for_everyone_together()
    {
        using var first = fixture.ClientFrom("127.0.0.11");
        using var second = fixture.ClientFrom("127.0.0.12");

        var fromFirst = new List<HttpResponseMessage>();
        for (int i = 0; i < 2; i++) fromFirst.Add(await first.PostAsync("/api/webchat/token", null));
        fromFirst.Add(await TokenFromBackend(first));
        fromFirst.Add(await first.PostAsync("/api/webchat/token", null));
        var fromSecond = new List<HttpResponseMessage>();
        for (int i = 0; i < 3; i++) fromSecond.Add(await second.PostAsync("/api/webchat/token", null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], fromFirst.Select(r => r.StatusCode));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], fromSecond.Select(r => r.StatusCode)); // 5 in all
        var refusal = JsonNode.Parse(await fromSecond[2].Content.ReadAsStringAsync())!["error"]!;
        Assert.Equal(("TooManyRequests", "too many chat tokens asked for; wait a moment"), ((string?)refusal["code"], (string?)refusal["message"]));
        Assert.NotNull(fromSecond[2].Headers.RetryAfter);
    }

    [Fact]
    public async Task Conversation_starts_are_limited_per_address_and_for_everyone_together()
    {
        using var first = fixture.ClientFrom("127.0.0.21");
        using var second = fixture.ClientFrom("127.0.0.22");

        var fromFirst = new List<HttpStatusCode>();
        for (int i = 0; i < 3; i++) fromFirst.Add((await StartWithSecret(first)).StatusCode);
        var fromSecond = new List<HttpResponseMessage>();
        for (int i = 0; i < 2; i++) fromSecond.Add(await StartWithSecret(second));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], fromFirst);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.TooManyRequests], fromSecond.Select(r => r.StatusCode)); // 3 in all
        Assert.Equal("too many conversations started; wait a moment",
            (string?)JsonNode.Parse(await fromSecond[1].Content.ReadAsStringAsync())!["error"]!["message"]);
    }

    private static Task<HttpResponseMessage> TokenFromBackend(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/tokens/generate");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineHost.Secret);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> StartWithSecret(HttpClient client)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/v3/directline/conversations");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DirectLineHost.Secret);
        return client.SendAsync(request);
    }
}
