using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample host with the ticket read API switched on (local use).</summary>
public sealed class TicketApiBotHost() : BotHost(settings: new Dictionary<string, string?> { ["Tickets:ReadApi:Enabled"] = "true" });

public class EscalationTests(TicketApiBotHost host) : IClassFixture<TicketApiBotHost>
{
    private async Task<JsonArray> Say(string conversation, string text) => await Activities.AskAsync(host.CreateClient(), text, conversation);

    private static JsonObject Last(JsonArray replies) => replies[^1]!.AsObject();

    private async Task<JsonObject> Ticket(string number) =>
        (await host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!;

    [Fact]
    public async Task Asking_for_a_person_opens_one_ticket_with_the_whole_handoff_packet()
    {
        var c = Guid.NewGuid().ToString("N");
        await Say(c, "how much do you charge for postage");
        await Say(c, "delivery");
        var opened = Last(await Say(c, "I want to talk to a real person"));

        var decision = Activities.Decision(opened)!;
        Assert.Equal("escalate", (string?)decision["route"]);
        var number = (string)decision["ticketId"]!;
        Assert.Matches(@"^T-\d{4,}$", number);
        Assert.Equal("normal", (string?)decision["priority"]);
        Assert.Contains($"ticket {number}", (string?)opened["text"]);
        Assert.Matches(Activities.ReplyPromise, (string?)opened["text"]);
        Assert.Contains("what's your e-mail address", (string?)opened["text"]);

        var retry = Last(await Say(c, "amelia.hart@"));
        Assert.Contains("doesn't look like an e-mail address", (string?)retry["text"]);
        var thanks = Last(await Say(c, "amelia.hart@example.com"));
        Assert.Contains("amelia.hart@example.com", (string?)thanks["text"]);
        var faq = Last(await Say(c, "Is there parking at the store?"));
        Assert.Contains("20 spaces", (string?)faq["text"]);
        Assert.Equal(number, (string?)Activities.Decision(faq)!["ticketId"]);
        var added = Last(await Say(c, "also, my parcel is two weeks late"));
        Assert.Contains($"added this to your ticket {number}", (string?)added["text"]);
        Assert.Equal(number, (string?)Activities.Decision(added)!["ticketId"]);

        var ticket = (await Ticket(number))["ticket"]!;
        Assert.Equal("new", (string?)ticket["status"]);
        Assert.Equal("askedForPerson", (string?)ticket["reason"]);
        Assert.Equal("human", (string?)ticket["intent"]);
        Assert.InRange((double)ticket["intentConfidence"]!, 0.5, 1);
        var said = ticket["transcript"]!.AsArray().Where(e => (string?)e!["from"] == "customer").Select(e => (string)e!["text"]!).ToArray();
        Assert.Equal(["how much do you charge for postage", "delivery", "I want to talk to a real person", "amelia.hart@",
            "amelia.hart@example.com", "Is there parking at the store?", "also, my parcel is two weeks late"], said);
        Assert.Contains(ticket["transcript"]!.AsArray(), e => (string?)e!["from"] == "bot" && ((string?)e["text"])!.Contains("£3.95"));
        var offered = ticket["faqOffered"]!.AsArray().Select(o => $"{o!["faqId"]}:{o["how"]}").ToArray();
        Assert.Contains("shipping-cost:answered", offered);
        Assert.Contains("shipping-times:offered", offered);
        Assert.Equal("C-1001", (string?)ticket["customer"]!["id"]);
        Assert.Equal("Amelia Hart", (string?)ticket["customer"]!["name"]);
        Assert.Equal("amelia.hart@example.com", (string?)ticket["customerEmail"]);
        Assert.Equal(c, (string?)ticket["conversationId"]);
        Assert.Null(ticket["conversationReference"]); // kept for staff replies, never shown: it carries the connector key
        Assert.Equal("unhappy", (string?)ticket["signal"]!["tone"]);
        var events = ticket["history"]!.AsArray().Select(e => (string?)e!["kind"]).ToArray();
        Assert.Equal("created", events[0]);
        Assert.Contains("customer", events);

        var queue = await host.CreateClient().GetFromJsonAsync<JsonObject>("/api/tickets?priority=normal&take=100");
        Assert.Equal(1, queue!["tickets"]!.AsArray().Count(t => (string?)t!["number"] == number));
    }

    [Fact]
    public async Task An_urgent_message_gets_the_safety_instruction_first_and_urgent_priority()
    {
        var c = Guid.NewGuid().ToString("N");

        var replies = await Say(c, "the camping stove I bought caught fire");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("If anyone is hurt or in danger, call 999 now.", (string?)replies[0]!["text"]);
        var decision = Activities.Decision(Last(replies))!;
        Assert.Equal(("escalate", "urgent"), ((string?)decision["route"], (string?)decision["priority"]));
        var ticket = (await Ticket((string)decision["ticketId"]!))["ticket"]!;
        Assert.Equal(("urgent", "safety"), ((string?)ticket["priority"], (string?)ticket["category"]));
        Assert.True((bool)ticket["signal"]!["urgent"]!);
        var due = DateTime.Parse((string)ticket["firstResponseDue"]!).ToUniversalTime();
        var created = DateTime.Parse((string)ticket["createdAt"]!).ToUniversalTime();
        Assert.Equal(TimeSpan.FromMinutes(15), due - created);
    }

    [Fact]
    public async Task A_security_incident_worded_as_a_question_gets_the_security_instruction_and_an_urgent_ticket()
    {
        var replies = await Say(Guid.NewGuid().ToString("N"), "i typed my password into a fake page from an email link, what do i do");

        Assert.Equal(2, replies.Count);
        Assert.StartsWith("If you typed a password into a page or message that may not be ours", (string?)replies[0]!["text"]);
        var decision = Activities.Decision(Last(replies))!;
        Assert.Equal(("escalate", "urgent", "fake ~ page"), ((string?)decision["route"], (string?)decision["priority"], (string?)decision["securityIncident"]));
        var ticket = (await Ticket((string)decision["ticketId"]!))["ticket"]!;
        Assert.Equal("urgent", (string?)ticket["priority"]);
    }

    [Fact]
    public async Task Fifty_conversations_escalating_in_parallel_get_fifty_distinct_tickets()
    {
        var client = host.CreateClient();

        var numbers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            var replies = await Activities.AskAsync(client, "can I speak to a person please", $"parallel-{i}-{Guid.NewGuid():N}");
            return (string)Activities.Decision(replies[^1]!.AsObject())!["ticketId"]!;
        }));

        Assert.Equal(50, numbers.Distinct().Count());
        foreach (var number in numbers.Take(5)) Assert.Equal(number, (string?)(await Ticket(number))["summary"]!["number"]);
    }

    [Theory]
    [InlineData("can I speak to your manager", "general", "normal")]
    [InlineData("I want to complain, your staff were rude to me", "complaints", "high")]
    [InlineData("I was charged twice for my order", "orders-and-accounts", "normal")]
    [InlineData("I smell gas coming from the heater", "safety", "urgent")]
    [InlineData("how much does delivery cost", null, null)]
    [InlineData("hello there", null, null)]
    [InlineData("tell me a joke", null, null)]
    public async Task Escalates_by_the_business_rules(string text, string? category, string? priority)
    {
        var replies = await Say(Guid.NewGuid().ToString("N"), text);

        var decision = Activities.Decision(Last(replies))!;
        if (category is null)
        {
            Assert.NotEqual("escalate", (string?)decision["route"]);
            Assert.Null(decision["ticketId"]);
            return;
        }
        var ticket = (await Ticket((string)decision["ticketId"]!))["ticket"]!;
        Assert.Equal((category, priority), ((string?)ticket["category"], (string?)ticket["priority"]));
    }

    [Fact]
    public async Task A_ticket_number_that_does_not_exist_is_404()
    {
        var response = await host.CreateClient().GetAsync("/api/tickets/T-999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.CreateClient().GetAsync("/api/tickets?priority=asap")).StatusCode);
    }
}

public class TicketApiOffTests(SampleBotHost host) : IClassFixture<SampleBotHost>
{
    [Fact]
    public async Task The_ticket_api_refuses_callers_who_have_not_signed_in() =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/tickets")).StatusCode);
}
