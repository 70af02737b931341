using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Tickets;
using SmbBot.UnitTests.Tickets;

namespace SmbBot.UnitTests.Alerts;

/// <summary>Who gets which alert, when an unclaimed ticket is alerted again, and what an alert says.</summary>
public class AlertRulesTests
{
    private static readonly DateTime Created = new(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc);

    private static readonly StaffRecipient Admin = new("a", "boss@example.com", IsAdmin: true, Disabled: false, new AlertChoices { Urgent = false, CustomerMessage = false });
    private static readonly StaffRecipient Sam = new("s", "sam@example.com", false, false, new AlertChoices { NewTicket = true, Unclaimed = true, Urgent = false, CustomerMessage = false });
    private static readonly StaffRecipient Kim = new("k", "kim@example.com", false, false, new AlertChoices());
    private static readonly StaffRecipient Gone = new("g", "gone@example.com", true, Disabled: true, new AlertChoices { NewTicket = true });
    private static readonly StaffRecipient[] Staff = [Admin, Sam, Kim, Gone];

    private static Ticket Ticket(string? owner = null) => new()
    {
        Id = 1, Priority = TicketPriority.Normal, Category = "general", Reason = EscalationReason.AskedForPerson, AssignedToId = owner,
        CreatedAt = Created, FirstResponseDue = Created.AddHours(4),
    };

    [Theory]
    [InlineData(AlertKind.NewTicket, null, "desk@example.com kim@example.com sam@example.com")]
    [InlineData(AlertKind.Urgent, null, "desk@example.com boss@example.com kim@example.com")]
    [InlineData(AlertKind.Unclaimed, null, "desk@example.com kim@example.com sam@example.com")]
    [InlineData(AlertKind.UnclaimedToAdmins, null, "boss@example.com")]
    [InlineData(AlertKind.CustomerMessage, "k", "kim@example.com")]
    [InlineData(AlertKind.CustomerMessage, "s", "")]
    public void Each_alert_goes_to_the_shared_inbox_the_staff_who_chose_it_and_the_admins_when_it_must(AlertKind kind, string? owner, string expected)
    {
        var to = AlertRecipients.Emails(kind, Ticket(owner), Staff, ["Desk@example.com", "Kim@example.com"]);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), to.Order());
    }

    [Theory]
    [InlineData(AlertKind.NewTicket, "team", null, "kim@example.com sam@example.com")]
    [InlineData(AlertKind.NewTicket, "team", "s", "sam@example.com")]
    [InlineData(AlertKind.NewTicket, "", "s", "sam@example.com")]
    [InlineData(AlertKind.Urgent, "team", null, "boss@example.com kim@example.com sam@example.com")]
    [InlineData(AlertKind.Urgent, "team", "s", "boss@example.com sam@example.com")]
    [InlineData(AlertKind.Unclaimed, "team", "s", "kim@example.com")]
    [InlineData(AlertKind.UnclaimedToAdmins, "team", "s", "boss@example.com")]
    [InlineData(AlertKind.NewTicket, "away-team", null, "desk@example.com sam@example.com")]
    public void A_routed_ticket_alerts_its_person_else_its_team_on_duty_and_urgent_also_the_admins(AlertKind kind, string team, string? owner, string expected)
    {
        var ticket = Ticket(owner);
        ticket.TeamId = team;
        var away = Sam with { Away = true };
        IReadOnlyCollection<string> members = team == "away-team" ? ["s", "g"] : ["k", "s", "g"];
        var staff = team == "away-team" ? [Admin, away, Kim, Gone] : Staff;

        var to = AlertRecipients.Emails(kind, ticket, staff, ["Desk@example.com"], members);

        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(), to.Order());
    }

    [Fact]
    public void A_customer_message_goes_to_its_owner_and_never_to_the_team_channel()
    {
        Assert.False(AlertRecipients.ToWebhook(AlertKind.CustomerMessage));
        Assert.True(AlertRecipients.ToWebhook(AlertKind.Urgent));
    }

    [Theory]
    [InlineData(119, "")]
    [InlineData(120, "Unclaimed")]
    [InlineData(239, "Unclaimed")]
    [InlineData(240, "Unclaimed UnclaimedToAdmins")]
    public void An_unclaimed_ticket_is_alerted_again_at_the_share_of_its_reply_time_then_to_the_admins(int minutes, string expected)
    {
        var due = UnclaimedPolicy.Due(Ticket(), Created.AddMinutes(minutes), new AlertOptions { RealertAt = 0.5, AdminsAt = 1.0 });

        Assert.Equal(expected, string.Join(' ', due));
    }

    [Fact]
    public void A_taken_answered_or_closed_ticket_is_not_alerted_as_unclaimed()
    {
        var late = Created.AddHours(10);
        var answered = Ticket();
        answered.FirstResponseAt = Created.AddMinutes(5);
        var closed = Ticket();
        closed.Status = TicketStatus.Closed;

        Assert.Empty(UnclaimedPolicy.Due(Ticket(owner: "s"), late, new AlertOptions()));
        Assert.Empty(UnclaimedPolicy.Due(answered, late, new AlertOptions()));
        Assert.Empty(UnclaimedPolicy.Due(closed, late, new AlertOptions()));
    }

    [Fact]
    public void An_alert_carries_number_priority_reason_a_cut_single_line_preview_and_a_link_but_nothing_private()
    {
        var ticket = Ticket();
        ticket.Transcript.Add(new TranscriptEntry { From = Speaker.Customer, Text = "my card number is 4111 1111 1111 1111" });
        ticket.Transcript.Add(new TranscriptEntry { From = Speaker.Bot, Text = "I can't answer that, sorry." });
        ticket.Transcript.Add(new TranscriptEntry { From = Speaker.Customer, Text = "I want a person\n\nnow " + new string('x', 300) });
        ticket.Notes.Add(new TicketEvent { Detail = "owes us money" });
        ticket.CustomerEmail = "amelia@example.com";
        ticket.Customer = new CustomerProfile("C-1", "Amelia Hart", "amelia@example.com", "07700 900123", "", "gold", 10m, 1, null, "prefers phone");
        var options = new AlertOptions { ConsoleUrl = "https://support.example.com/" };

        var alert = AlertContent.For(AlertKind.NewTicket, ticket, options, BusinessCalendar.From(EscalationOptionsTests.Valid()));

        Assert.StartsWith("[T-1001] New normal ticket: the customer asked for a person", alert.Subject);
        Assert.Contains("Priority:  normal (general)", alert.Body);
        Assert.Contains("\"I want a person now xxx", alert.Body);
        Assert.Contains("https://support.example.com/console/tickets/T-1001", alert.Body);
        var preview = AlertContent.Preview(ticket);
        Assert.Equal(AlertContent.PreviewChars + 1, preview.Length);
        Assert.DoesNotContain('\n', preview);
        foreach (var text in new[] { alert.Body, alert.WebhookJson })
        {
            foreach (var secret in new[] { "4111", "can't answer", "owes us", "amelia", "Amelia", "07700", "prefers phone", "C-1\"" })
                Assert.DoesNotContain(secret, text);
        }
        var json = System.Text.Json.Nodes.JsonNode.Parse(alert.WebhookJson)!;
        Assert.Contains("T-1001", (string?)json["text"]);
        Assert.Equal(("new-ticket", "T-1001", "normal"), ((string?)json["kind"], (string?)json["ticket"], (string?)json["priority"]));
    }
}
