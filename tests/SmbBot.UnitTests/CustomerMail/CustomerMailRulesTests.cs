using SmbBot.Core.Conversations;
using SmbBot.Core.CustomerMail;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.CustomerMail;

/// <summary>The e-mail leg's decisions, as tables: quoted text, stop words, loops, matching, and what the e-mail says.</summary>
public class CustomerMailRulesTests
{
    [Theory]
    [InlineData("Thanks, that works.\n\nOn Tue, 1 Dec 2026 at 10:00, Harbour & Pine <help@example.com> wrote:\n> Your order ships today.", "Thanks, that works.")]
    [InlineData("Thanks.\nOn Tue, 1 Dec 2026 at 10:00, Harbour & Pine\n<help@example.com> wrote:\n> earlier", "Thanks.")]
    [InlineData("> quoted first\nMy answer below the quote\n> more quote", "My answer below the quote")]
    [InlineData("Yes please.\n-----Original Message-----\nFrom: Harbour & Pine\nSubject: [T-1001]", "Yes please.")]
    [InlineData("Yes please.\n\nFrom: Harbour & Pine <help@example.com>\nSent: Tuesday", "Yes please.")]
    [InlineData("On my way to the shop now, will collect it.", "On my way to the shop now, will collect it.")]
    public void Quoted_earlier_text_is_cut(string body, string expected) => Assert.Equal(expected, QuotedText.Cut(body));

    [Theory]
    [InlineData("stop", true)]
    [InlineData("  STOP. ", true)]
    [InlineData("Unsubscribe", true)]
    [InlineData("stop e-mails", true)]
    [InlineData("« stop »", true)]
    [InlineData("„stop“", true)]
    [InlineData("„STOP”.", true)]
    [InlineData("please do not stop the order", false)]
    [InlineData("stop sending me the wrong size", false)]
    public void Only_stop_or_unsubscribe_alone_stops_the_emails(string text, bool stops) => Assert.Equal(stops, StopRequest.Is(text));

    [Theory]
    [InlineData("ann@example.com", "text/plain", "", "", MailRefusal.None)]
    [InlineData("ann@example.com", "text/plain", "Auto-Submitted", "no", MailRefusal.None)]
    [InlineData("ann@example.com", "text/plain", "Auto-Submitted", "auto-replied", MailRefusal.AutoReply)]
    [InlineData("ann@example.com", "text/plain", "X-Autoreply", "yes", MailRefusal.AutoReply)]
    [InlineData("ann@example.com", "text/plain", "X-Autorespond", "yes", MailRefusal.AutoReply)]
    [InlineData("ann@example.com", "text/plain", "X-Auto-Response-Suppress", "All", MailRefusal.AutoReply)]
    [InlineData("ann@example.com", "text/plain", "Precedence", "Bulk", MailRefusal.AutoReply)]
    [InlineData("ann@example.com", "text/plain", "Precedence", "auto_reply", MailRefusal.AutoReply)]
    [InlineData("ann@example.com", "text/plain", "Precedence", "first-class", MailRefusal.None)]
    [InlineData("MAILER-DAEMON@mx.example.net", "text/plain", "", "", MailRefusal.Bounce)]
    [InlineData("postmaster@example.net", "text/plain", "", "", MailRefusal.Bounce)]
    [InlineData("", "text/plain", "", "", MailRefusal.Bounce)]
    [InlineData("ann@example.com", "multipart/report", "", "", MailRefusal.Bounce)]
    [InlineData("Help@Example.com", "text/plain", "", "", MailRefusal.OwnMessage)]
    public void Automatic_mail_bounces_and_our_own_messages_are_told_from_a_person(string from, string type, string header, string value, MailRefusal expected)
    {
        var facts = new IncomingMailFacts(from, type, name => name.Equals(header, StringComparison.OrdinalIgnoreCase) ? value : null);
        Assert.Equal(expected, MailLoops.Classify(facts, "help@example.com"));
    }

    [Theory]
    [InlineData(7, "Re: [T-1002] Reply", "stranger@example.net", 7)]
    [InlineData(null, "Re: [T-1002] Reply from Harbour & Pine", "Ann@Example.com", 2)]
    [InlineData(null, "Re: [T-1002] Reply from Harbour & Pine", "stranger@example.net", null)]
    [InlineData(null, "Re: [T-1003] guessing", "ann@example.com", null)]
    [InlineData(null, "Re: [T-1002] crm address", "ann.crm@example.com", 2)]
    [InlineData(null, "no number at all", "ann@example.com", null)]
    public void An_email_finds_its_ticket_by_our_message_id_or_by_number_and_sender(int? referenced, string subject, string from, int? expected)
    {
        IEnumerable<string?> Emails(int id) => id switch
        {
            2 => ["ann@example.com", "ann.crm@example.com"],
            3 => ["bob@example.com", null],
            _ => [],
        };
        Assert.Equal(expected, InboundMailMatch.Decide(referenced, subject, from, Emails));
    }

    [Fact]
    public void The_reply_email_has_the_number_the_reply_the_conversation_and_how_to_answer_but_no_notes_or_crm_notes()
    {
        var options = EscalationOptionsTests.Valid();
        var at = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);
        var ticket = new Ticket
        {
            Id = 42,
            Transcript =
            [
                new() { At = at, From = Speaker.Customer, Text = "Where is my tent?" },
                new() { At = at, From = Speaker.Bot, Text = "I'll pass you to a person." },
                new() { At = at, From = Speaker.Staff, Name = "Sam", Text = "It ships today." },
            ],
            Notes = [new TicketEvent { Detail = "internal: customer is difficult" }],
            Customer = new Core.Crm.CustomerProfile("C1", "Ann", "ann@example.com", "", "", "gold", null, null, null, "CRM: owes 20 pounds"),
        };

        var subject = CustomerReplyMail.Subject(ticket, "Harbour & Pine");
        var body = CustomerReplyMail.Body(ticket, "Harbour & Pine", "Sam", "It ships today.", BusinessCalendar.From(options));

        Assert.Equal("[T-1042] Reply from Harbour & Pine", subject);
        Assert.StartsWith("Sam from Harbour & Pine wrote:\n\nIt ships today.", body);
        Assert.Contains("You:\nWhere is my tent?", body);
        Assert.Contains("Harbour & Pine assistant:\nI'll pass you to a person.", body);
        Assert.Contains("Sam (Harbour & Pine):\nIt ships today.", body);
        Assert.Contains("reply to this e-mail", body);
        Assert.DoesNotContain("internal", body);
        Assert.DoesNotContain("owes", body);
    }
}
