using SmbBot.Core.Crm;
using SmbBot.Core.Tickets;

namespace SmbBot.UnitTests.Conversations;

/// <summary>Status questions: which texts ask one, and whose ticket may be told.</summary>
public class TicketStatusQuestionTests
{
    [Theory]
    [InlineData("any news on T-1001?", "T-1001")]
    [InlineData("what's the status of t-1042", "T-1042")]
    [InlineData("T-1001", "T-1001")]
    [InlineData("Is there an update on T1001", "T-1001")]
    [InlineData("what's happening with my ticket?", null)]
    [InlineData("Any news about my request", null)]
    [InlineData("how's my complaint going on", null)]
    public void Reads_a_status_question(string text, string? number) =>
        Assert.Equal(new TicketStatusQuestion(number), TicketStatusQuestion.Read(text));

    [Theory]
    [InlineData("I want to talk to a person")]
    [InlineData("what's the status of my order")]        // an order is not a ticket: the FAQ or a person answers
    [InlineData("my ticket for the festival got lost")]   // "my ticket" without a status word
    [InlineData("do you have the T-100 tent in stock")]  // not a ticket number
    [InlineData("I'd like to raise a complaint about T-1001 being rude")]
    public void Leaves_other_messages_alone(string text) => Assert.Null(TicketStatusQuestion.Read(text));

    private static Ticket Ticket(string conversation, string? customerId) => new()
    {
        Id = 1, ConversationId = conversation, Customer = customerId is null ? null : new CustomerProfile(customerId, "Priya Sharma", "", "", "", "", null, null, null, ""),
    };

    [Theory]
    // number asked, ticket of: conversation, CRM customer; asked from: conversation, verified customer -> answer
    [InlineData("T-1001", "conv-a", null, "conv-a", null, TicketStatusAnswer.Own)]          // opened in this chat
    [InlineData("T-1001", "conv-a", "C-1", "conv-b", "C-1", TicketStatusAnswer.Own)]        // the verified customer's, from another chat
    [InlineData("T-1001", "conv-a", null, "conv-b", null, TicketStatusAnswer.NotYours)]     // another chat's
    [InlineData("T-1001", "conv-a", "C-1", "conv-b", null, TicketStatusAnswer.NotYours)]    // a customer's, asked anonymously
    [InlineData("T-1001", "conv-a", "C-1", "conv-b", "C-2", TicketStatusAnswer.NotYours)]   // another verified customer's
    [InlineData(null, "conv-a", null, "conv-a", null, TicketStatusAnswer.Own)]              // "my ticket", found for this chat
    public void Tells_only_the_customers_own_ticket(string? number, string ticketConversation, string? ticketCustomer,
        string askingConversation, string? verifiedCustomer, TicketStatusAnswer expected) =>
        Assert.Equal(expected, TicketStatusPolicy.Decide(new TicketStatusQuestion(number), Ticket(ticketConversation, ticketCustomer), askingConversation, verifiedCustomer));

    [Theory]
    [InlineData("T-1999", TicketStatusAnswer.NotYours)]   // no such ticket: the same answer as someone else's
    [InlineData(null, TicketStatusAnswer.NoneFound)]
    public void Without_a_ticket_says_nothing_about_numbers(string? number, TicketStatusAnswer expected) =>
        Assert.Equal(expected, TicketStatusPolicy.Decide(new TicketStatusQuestion(number), null, "conv-a", "C-1"));
}
