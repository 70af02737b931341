using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;

namespace SmbBot.Core.Tickets;

/// <summary>The e-mail leg of a ticket: what the customer answers by e-mail, and what was e-mailed to them.</summary>
public sealed partial class TicketDesk
{
    /// <summary>
    /// Adds the customer's e-mailed answer (<paramref name="text"/>, cut from <paramref name="original"/>) as a customer
    /// message, reopens a resolved or closed ticket and tells its owner. An e-mail whose <paramref name="mailKey"/> is
    /// already on the ticket changes nothing. Returns the ticket and whether the answer was added.
    /// </summary>
    public (Ticket? Ticket, bool Added) AddCustomerEmail(int ticketId, string mailKey, string text, string? original)
    {
        var added = false;
        var ticket = store.Change(ticketId, t =>
        {
            if (t.ReceivedMailIds.Contains(mailKey)) return;
            var now = Now();
            AddCapped(t, new TranscriptEntry { At = now, From = Speaker.Customer, Text = text, Via = "email", Original = original });
            t.ReceivedMailIds.Add(mailKey);
            t.Signal = CustomerSignalReader.Read(CustomerTexts(t), t.Signal.Urgent);
            t.UpdatedAt = now;
            t.History.Add(new TicketEvent { At = now, Kind = "message", Actor = "customer", Detail = "by e-mail: " + Names.Preview(text, 80) });
            if (!t.IsOpen)
            {
                t.History.Add(new TicketEvent { At = now, Kind = "status", Actor = "customer", Detail = $"{Name(t.Status)} -> open: the customer wrote again by e-mail" });
                t.Status = TicketStatus.Open;
                t.ResolvedAt = null;
            }
            added = true;
        });
        if (added && ticket is { AssignedToId: not null }) Alert(ticket, AlertKind.CustomerMessage);
        return (ticket, added);
    }

    /// <summary>The customer asked for no more e-mails about this ticket (<paramref name="mailKey"/>: the e-mail that said so).</summary>
    public Ticket? StopEmails(int ticketId, string mailKey) => store.Change(ticketId, t =>
    {
        if (t.ReceivedMailIds.Contains(mailKey)) return;
        var now = Now();
        t.ReceivedMailIds.Add(mailKey);
        t.EmailStopped = true;
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "customer", Actor = "customer", Detail = "asked by e-mail for no more e-mails about this ticket" });
    });

    /// <summary>Records what became of a staff reply's e-mail: queued, or why not.</summary>
    public Ticket? NoteReplyEmail(int ticketId, string staffName, string detail) => store.Change(ticketId, t =>
    {
        var now = Now();
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "reply", Actor = staffName, Detail = detail });
    });
}
