using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests;

/// <summary>
/// A business the bot was never tuned on, with its files as exported: a dental practice's eight-entry FAQ written as
/// an owner writes it (one question per entry, no ids) and its CRM export (`;`, a byte order mark, its own tiers and
/// columns), with no intent files of its own. The messages are this test's own, not the kits'.
/// </summary>
public sealed class DentalPracticeHost() : BotHost(DentalPracticeHost.Write(), new Dictionary<string, string?>
{
    ["Tickets:ReadApi:Enabled"] = "true",
    ["Escalation:Tiers:member:RaisePriority"] = "1",
    ["Staff:BootstrapAdmin:Email"] = ConsoleBotHost.AdminEmail,
    ["Staff:BootstrapAdmin:Password"] = ConsoleBotHost.AdminPassword,
    ["Staff:BootstrapAdmin:DisplayName"] = "Sam",
})
{
    private static string Write()
    {
        var root = Path.Combine(RepoPaths.NewTempFolder(), "knowledge");
        Directory.CreateDirectory(Path.Combine(root, "faq"));
        Directory.CreateDirectory(Path.Combine(root, "crm"));
        File.WriteAllText(Path.Combine(root, "faq", "practice.csv"), """
            Question,Answer,Category
            What are your opening hours?,"We are open Monday to Friday 8:00-18:00 and Saturday 9:00-13:00.",visits
            Do you take new NHS patients?,"Yes, we are taking new NHS patients for check-ups; register at reception or online.",registration
            How much is a private check-up?,"A private check-up costs £55, including two small x-rays.",prices
            Do you offer teeth whitening?,"Yes: home whitening trays cost £295 after a check-up to make sure whitening is safe for you.",treatments
            Is there parking?,"There are four free spaces behind the practice and a pay-and-display car park opposite.",visits
            How do I cancel an appointment?,"Call us or use the link in your reminder at least 24 hours before; later cancellations are charged £25.",appointments
            Do you see children?,"Yes, children are welcome from their first tooth, and NHS check-ups are free for under-18s.",treatments
            Can I pay in instalments?,"Treatments over £500 can be spread over 12 months interest-free.",prices
            """);
        File.WriteAllText(Path.Combine(root, "crm", "customers.csv"), "\uFEFFPatient ID;First Name;Last Name;Email;Mobile;Plan;Dentist;Allergies\r\n" +
            "P-100;Ann;Lee;ann.lee@example.com;+44 7700 900300;member;Dr Shah;penicillin\r\n" +
            "P-101;Bob;Marsh;bob.marsh@example.com;;self-pay;Dr Okafor;\r\n");
        return root;
    }
}

public class UnseenBusinessTests(DentalPracticeHost host) : IClassFixture<DentalPracticeHost>
{
    private async Task<JsonObject> Decide(string text, string? conversation = null)
    {
        var replies = await Activities.AskAsync(host.CreateClient(), text, conversation);
        return Activities.Decision(replies[^1]!.AsObject()) ?? new JsonObject();
    }

    [Theory]
    [InlineData("my face has swollen up since the extraction and I'm struggling to breathe")]
    [InlineData("someone has logged into my account and is changing my details right now")]
    [InlineData("there's smoke coming from the x-ray room and people are still inside")]
    [InlineData("my son knocked his front tooth out, there's a lot of blood and it won't stop")]
    public async Task An_emergency_is_an_urgent_ticket_in_a_business_the_bot_was_not_tuned_on(string text)
    {
        var decision = await Decide(text);

        Assert.Equal(("escalate", "urgent"), ((string?)decision["route"], (string?)decision["priority"]));
    }

    [Theory]
    [InlineData("I was charged twice for my check-up and I want the money back", "complaint")]
    [InlineData("the crown you fitted last week fell out already, this is really poor work", "complaint")]
    [InlineData("you cancelled my appointment without telling me and I took the day off work for it", "complaint")]
    [InlineData("can you tell me when my next appointment is booked for", "account")]
    [InlineData("I'd like to talk to a real person please", "human")]
    public async Task A_message_that_needs_a_person_becomes_a_ticket_even_when_it_shares_words_with_an_faq_entry(string text, string intent)
    {
        var decision = await Decide(text);

        Assert.Equal("escalate", (string?)decision["route"]);
        Assert.Equal(intent, (string?)decision["intent"]);
    }

    [Theory]
    [InlineData("do you sell electric toothbrushes")]
    [InlineData("how much is a filling")]
    [InlineData("do you do invisalign")]
    [InlineData("what's the capital of France")]
    public async Task A_question_the_small_faq_does_not_cover_is_not_answered(string text)
    {
        var decision = await Decide(text);

        Assert.NotEqual("faq", (string?)decision["route"]);
    }

    [Theory]
    [InlineData("when are you open on saturdays", "What are your opening hours?")]
    [InlineData("where can I park my car", "Is there parking?")]
    [InlineData("can I spread the cost of treatment", "Can I pay in instalments?")]
    public async Task A_covered_question_in_the_customer_s_own_words_is_answered(string text, string question)
    {
        var decision = await Decide(text);

        Assert.Equal(("faq", question), ((string?)decision["route"], (string?)decision["faqQuestion"]));
    }

    [Fact]
    public async Task The_crm_export_s_tier_and_columns_reach_the_ticket()
    {
        var c = Guid.NewGuid().ToString("N");
        var opened = await Decide("I need to speak to someone about my treatment plan", c);
        Assert.Equal("normal", (string?)opened["priority"]);
        await Decide("ann.lee@example.com", c);

        var ticket = (await host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/tickets/{(string)opened["ticketId"]!}"))!["ticket"]!;
        var customer = ticket["customer"]!;
        Assert.Equal(("P-100", "Ann Lee", "member"), ((string?)customer["id"], (string?)customer["name"], (string?)customer["tier"]));
        Assert.Equal(("Dr Shah", "penicillin"), ((string?)customer["fields"]!["Dentist"], (string?)customer["fields"]!["Allergies"]));
        Assert.Equal("high", (string?)ticket["priority"]); // the member tier is served first

        var staff = new ConsoleClient(host);
        await staff.SignInAsync(ConsoleBotHost.AdminEmail, ConsoleBotHost.AdminPassword);
        var (_, html) = await staff.GetAsync($"/console/tickets/{(string)opened["ticketId"]!}");
        Assert.Contains("<dt>Dentist</dt><dd>Dr Shah</dd>", html);
        Assert.Contains("<dt>Customer id</dt><dd>P-100</dd>", html);
        Assert.DoesNotContain("Lifetime value", html); // the export has no such column: nothing empty is shown
    }

    [Fact]
    public async Task The_ready_check_says_the_answer_threshold_rests_on_thin_evidence()
    {
        var ready = await host.CreateClient().GetFromJsonAsync<JsonObject>("/health/ready");

        var answer = ready!["thresholds"]!.AsArray().Single(t => (string?)t!["setting"] == "AnswerScore")!;
        Assert.StartsWith("thin evidence", (string?)answer["source"]);
        Assert.Equal(8, (int)ready["faqEntries"]!);
        Assert.Empty(ready["leftOut"]!.AsArray());
    }
}
