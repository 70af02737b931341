using SmbBot.Core.Languages;
using SmbBot.Core.Routing;

namespace SmbBot.UnitTests.Languages;

public class SecurityIncidentsTests
{
    [Theory]
    [InlineData("i put my password into a fake login page from a text, what now")]
    [InlineData("I got a scam email that looked like yours and clicked the link")]
    [InlineData("we think our account has been hacked")]
    [InlineData("my account was taken over last night")]
    [InlineData("our admin login has been compromised")]
    [InlineData("there are fraudulent payments going out of our account")]
    [InlineData("When I log in I can see someone else's bookings and address")]
    [InlineData("the portal is showing me another customer's invoices")]
    [InlineData("your app showed me other patients' names and dates of birth")]
    [InlineData("i can see other people's payslips in the staff area")]
    public void An_incident_is_found(string message) => Assert.NotNull(SecurityIncidents.Find(message));

    [Theory]
    [InlineData("do you have fraud protection?")]
    [InlineData("can someone else update my details while I'm away?")]
    [InlineData("how do I reset my password")]
    [InlineData("can I book for someone else's birthday?")]
    [InlineData("do you sell fake plants")]
    [InlineData("is two-factor login available")]
    public void An_ordinary_question_is_not_raised(string message) => Assert.Null(SecurityIncidents.Find(message));

    private static readonly FaqCandidate Password = new("password", "How do I reset my password?", 0.64, AnswerText: "Use the link on the sign-in page.");

    [Fact]
    public void An_incident_answered_from_the_FAQ_becomes_an_urgent_ticket()
    {
        var answered = new TurnDecision(Route.Faq, new IntentPrediction(Intents.Faq, 0.64f), Password, [], [Password], "clear FAQ match");
        var decided = SecurityIncidents.Apply(answered, "i typed my password into a fake page from an email link, what do i do");
        Assert.Equal(Route.Escalate, decided.Route);
        Assert.Equal(Intents.Urgent, decided.Intent.Intent);
        Assert.Null(decided.Answer);
        Assert.Contains("security incident", decided.Reason);
        Assert.Equal("fake ~ page", decided.SecurityIncident);
        Assert.Equal([Password], decided.Candidates);
        Assert.Equal("none: the words name a security incident (\"fake ~ page\")", DecisionThreshold.Of(decided, new RoutingOptions()));
    }

    [Fact]
    public void An_incident_already_urgent_stays_urgent_and_is_noted()
    {
        var urgent = new TurnDecision(Route.Escalate, new IntentPrediction(Intents.Urgent, 0.9f, 0.95f), null, [], [], "intent urgent needs a person");
        var decided = SecurityIncidents.Apply(urgent, "someone hacked my account and changed the email");
        Assert.Equal((Route.Escalate, Intents.Urgent, 0.9f), (decided.Route, decided.Intent.Intent, decided.Intent.Confidence));
        Assert.Equal("hacked", decided.SecurityIncident);
    }

    [Fact]
    public void One_of_the_FAQs_own_questions_is_answered()
    {
        var exact = Password with { Question = "What do I do if I clicked a phishing link?", Exact = true };
        var answered = new TurnDecision(Route.Faq, new IntentPrediction(Intents.Faq, 1f), exact, [], [exact], "the message is one of the FAQ's questions");
        Assert.Same(answered, SecurityIncidents.Apply(answered, "What do I do if I clicked a phishing link?"));
    }

    [Fact]
    public void A_message_without_an_incident_is_left_as_decided()
    {
        var answered = new TurnDecision(Route.Faq, new IntentPrediction(Intents.Faq, 0.9f), Password, [], [Password], "clear FAQ match");
        Assert.Same(answered, SecurityIncidents.Apply(answered, "how do I reset my password"));
    }
}
