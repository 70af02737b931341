using SmbBot.Core.Conversations;

namespace SmbBot.UnitTests.Conversations;

public class EmailReplyTests
{
    [Theory]
    [InlineData("amelia.hart@example.com", EmailReplyKind.Email, "amelia.hart@example.com")]
    [InlineData("sure, it's Bob.Smith@Example.co.uk.", EmailReplyKind.Email, "Bob.Smith@Example.co.uk")]
    [InlineData("<anna+shop@example.com>", EmailReplyKind.Email, "anna+shop@example.com")]
    [InlineData("bob@", EmailReplyKind.NotAnEmail, null)]
    [InlineData("bob@localhost", EmailReplyKind.NotAnEmail, null)]
    [InlineData("a@b@c.com", EmailReplyKind.NotAnEmail, null)]
    [InlineData("anna.example.com", EmailReplyKind.NotAnEmail, null)]
    [InlineData("anna at example dot com", EmailReplyKind.NotAnEmail, null)]
    [InlineData("Skip", EmailReplyKind.Declined, null)]
    [InlineData("no thanks", EmailReplyKind.Declined, null)]
    [InlineData("I'd rather not", EmailReplyKind.Declined, null)]
    [InlineData("what are your opening hours?", EmailReplyKind.SomethingElse, null)]
    public void Reads_the_answer_to_the_email_question(string text, EmailReplyKind kind, string? email) =>
        Assert.Equal((kind, email), EmailReply.Read(text));
}
