using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Tickets;

public class TicketAboutTests
{
    private static Ticket With(EscalationReason reason, params string[] said) => new()
    {
        Reason = reason,
        Transcript = [.. said.Select(s => new TranscriptEntry { From = Speaker.Customer, Text = s })],
    };

    [Theory]
    [InlineData("Talk to a person|my tent pole snapped|ann@example.com", "my tent pole snapped")]
    [InlineData("ann@example.com|where is my order?", "where is my order?")]
    [InlineData("Talk to a person|skip", "the customer asked for a person")]
    [InlineData("  several   lines\nof text  ", "several lines of text")]
    public void The_queue_shows_the_first_real_question_not_an_address_or_a_button(string said, string expected) =>
        Assert.Equal(expected, TicketAbout.Of(With(EscalationReason.AskedForPerson, said.Split('|'))));

    [Fact]
    public void A_long_question_is_cut()
    {
        var about = TicketAbout.Of(With(EscalationReason.Complaint, new string('x', 200)), max: 90);

        Assert.Equal(new string('x', 90) + "…", about);
    }
}
