using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SmbBot.Bot.DirectLine;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// Staff cannot post as the bot into a customer's chat behind the console's back: the connector key is not shown to
/// them, and the connector endpoint takes calls only from this machine's bot.
/// </summary>
public class ConnectorKeyTests(ConsoleBotHost host) : IClassFixture<ConsoleBotHost>
{
    [Fact]
    public async Task The_ticket_api_shows_no_conversation_reference()
    {
        var replies = await Activities.AskAsync(host.CreateClient(), "I want to talk to a person");
        var number = (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
        var console = new ConsoleClient(host);
        await console.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);

        var (status, body) = await console.GetAsync($"/api/tickets/{number}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(number, body);
        Assert.DoesNotContain("conversationReference", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/connector/", body);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.9")]
    [InlineData("Forwarded", "for=203.0.113.9")]
    public async Task The_connector_endpoint_refuses_callers_from_elsewhere_even_with_the_key(string header, string value)
    {
        var key = host.Services.GetRequiredService<DirectLineChannel>().ConnectorKey;
        var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/connector/{key}/v3/conversations/any-chat/activities")
        {
            Content = JsonContent.Create(new { type = "message", text = "This is the bot, please send your card number" }),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await host.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
