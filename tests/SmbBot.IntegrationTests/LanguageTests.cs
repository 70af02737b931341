using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>The sample shop with a French-speaking team member, and the ticket read API on.</summary>
public sealed class FrenchServedBotHost() : BotHost(settings: new Dictionary<string, string?>
{
    ["Tickets:ReadApi:Enabled"] = "true",
    ["Languages:Served:0"] = "fr",
});

/// <summary>Customers who write in another language, through the real host: detector, FAQ, tickets and replies.</summary>
public class LanguageTests(FrenchServedBotHost host) : IClassFixture<FrenchServedBotHost>
{
    private async Task<JsonObject> Say(string conversation, string text) =>
        (await Activities.AskAsync(host.CreateClient(), text, conversation))[^1]!.AsObject();

    private async Task<JsonNode> Ticket(string number) =>
        (await host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tickets/{number}"))!["ticket"]!;

    [Fact]
    public async Task A_Spanish_message_opens_a_ticket_in_Spanish_and_gets_a_Spanish_reply()
    {
        var c = Guid.NewGuid().ToString("N");
        var reply = await Say(c, "¿Cuánto cuesta el envío a Valencia?");

        var decision = Activities.Decision(reply)!;
        Assert.Equal("escalate", (string?)decision["route"]);
        Assert.Equal("es", (string?)decision["language"]);
        Assert.Equal(true, (bool?)decision["languageHandover"]);
        var number = (string)decision["ticketId"]!;
        // Spanish is not served here: the reply says, in Spanish, that the team answers in English.
        Assert.Contains($"(ticket {number})", (string?)reply["text"]);
        Assert.Contains("Nuestro equipo atiende en inglés", (string?)reply["text"]);
        Assert.Contains("escríbame su dirección", (string?)reply["text"]);
        var ticket = await Ticket(number);
        Assert.Equal("es", (string?)ticket["language"]);
        Assert.Equal("noAnswer", (string?)ticket["reason"]);

        var added = await Say(c, "Es para un pedido de dos tiendas de campaña");
        Assert.Equal($"He añadido su mensaje al ticket {number}; la persona que lo atiende lo verá.", (string?)added["text"]);
    }

    [Fact]
    public async Task An_emergency_in_Spanish_opens_an_urgent_ticket_with_the_safety_instruction_in_both_languages()
    {
        var replies = await Activities.AskAsync(host.CreateClient(), "Hola, desde que instalaron la estufa huele muchísimo a gas en la casa", Guid.NewGuid().ToString("N"));

        var decision = Activities.Decision(replies[^1]!.AsObject())!;
        Assert.Equal(("escalate", "es", "urgent"), ((string?)decision["route"], (string?)decision["language"], (string?)decision["priority"]));
        var ticket = await Ticket((string)decision["ticketId"]!);
        Assert.Equal(("urgent", "safety", "es"), ((string?)ticket["priority"], (string?)ticket["category"], (string?)ticket["language"]));
        var said = string.Join("\n", replies.Select(r => (string?)r!["text"]));
        Assert.Contains("call 999 now", said);
        Assert.Contains("llame ahora al número de emergencias", said);
        Assert.Contains("Nuestro equipo atiende en inglés", said);
    }

    [Fact]
    public async Task A_French_message_is_told_a_person_will_answer_in_French_when_the_team_speaks_it()
    {
        var reply = await Say(Guid.NewGuid().ToString("N"), "Bonjour, est-ce que vous livrez en Belgique ?");
        var decision = Activities.Decision(reply)!;
        Assert.Equal("fr", (string?)decision["language"]);
        Assert.Contains("une personne vous répondra en français", (string?)reply["text"]);
        Assert.Equal("fr", (string?)(await Ticket((string)decision["ticketId"]!))["language"]);
    }

    [Fact]
    public async Task English_with_foreign_words_and_short_foreign_thanks_stay_English_and_are_answered()
    {
        var c = Guid.NewGuid().ToString("N");
        var asked = Activities.Decision(await Say(c, "Is there parking at the store for my friend Zbigniew Wójcik?"))!;
        Assert.Equal("en", (string?)asked["language"]);
        Assert.NotEqual("escalate", (string?)asked["route"]);
        var keywords = Activities.Decision(await Say(c, "Waterproofing spray?"))!;
        Assert.Equal("en", (string?)keywords["language"]);
        Assert.Equal("the words of the business's own FAQ", (string?)keywords["languageWhy"]);

        var thanks = Activities.Decision(await Say(c, "merci"))!;
        Assert.Equal("en", (string?)thanks["language"]);
        Assert.NotEqual("escalate", (string?)thanks["route"]);
    }
}
