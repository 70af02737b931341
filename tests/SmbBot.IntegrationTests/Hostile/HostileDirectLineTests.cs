using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Hostile;

/// <summary>The Direct Line host with the flood limits lifted, so every generated post reaches the checks.</summary>
public sealed class UnlimitedDirectLineHost : DirectLineHost
{
    protected override IEnumerable<KeyValuePair<string, string>> Settings =>
    [
        new("DirectLine__PostBurst", "1000"), new("DirectLine__PostsPerMinute", "6000"), new("DirectLine__PostsPerAddressPerMinute", "6000"),
        new("DirectLine__ConversationQuotaMegabytes", "100"),
    ];
}

/// <summary>
/// Generated hostile activities posted to the website channel (Direct Line) of the real host: never a 5xx, and an
/// activity refused is never stored or served to the chat.
/// </summary>
public class HostileDirectLineTests(UnlimitedDirectLineHost fixture) : IClassFixture<UnlimitedDirectLineHost>
{
    private static readonly Gen<(HostileJson.Mutation[] Mutations, int Shape)> Posts =
        Gen.Select(HostileJson.Mutations.Array[1, 4], Gen.Int[0, 9], (m, s) => (m, s));

    [Fact]
    public async Task Generated_posts_never_fail_the_server_and_a_refused_one_is_never_served()
    {
        var client = fixture.Host.Client;
        var chat = await WebChatConversation.StartAsync(client);
        var path = $"/v3/directline/conversations/{chat.ConversationId}/activities";
        var refusedMarkers = new List<string>();
        int accepted = 0, refused = 0;

        await Posts.SampleAsync(async c =>
        {
            var marker = $"marker-{Guid.NewGuid():N}";
            var activity = new JsonObject { ["type"] = "message", ["text"] = marker, ["from"] = new JsonObject { ["id"] = "ignored", ["name"] = "Pat" } };
            foreach (var m in c.Mutations) m.Apply(activity);
            if (activity["text"] is null) activity["text"] = marker;
            var json = activity.ToJsonString();
            var body = c.Shape switch { 0 => json[..(json.Length / 2)], 1 => HostileJson.Nested(40 + c.Mutations.Length * 50), _ => json };
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);

            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();

            Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
            if (response.IsSuccessStatusCode) accepted++;
            else
            {
                Assert.NotNull(JsonNode.Parse(text)?["error"]?["message"]);
                if (body.Contains(marker)) refusedMarkers.Add(marker);
                refused++;
            }
        }, iter: 150, threads: 1);

        var served = new StringBuilder();
        var watermark = "";
        for (var page = 0; page < 1000; page++)
        {
            using var poll = new HttpRequestMessage(HttpMethod.Get, $"{path}?watermark={watermark}");
            poll.Headers.Authorization = new AuthenticationHeaderValue("Bearer", chat.Token);
            using var response = await client.SendAsync(poll);
            Assert.True(response.IsSuccessStatusCode, $"the poll failed with {(int)response.StatusCode}");
            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            if (json["activities"]!.AsArray().Count == 0) break;
            served.Append(json["activities"]!.ToJsonString());
            watermark = (string)json["watermark"]!;
        }
        Assert.All(refusedMarkers, m => Assert.DoesNotContain(m, served.ToString()));
        Assert.True(accepted > 10 && refused > 10, $"accepted {accepted}, refused {refused}");
    }
}
