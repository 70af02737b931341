using System.Globalization;
using System.Text.Json;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Alerts;

/// <summary>What an alert says, for e-mail and for the webhook.</summary>
/// <param name="Subject">One line, with the ticket number first.</param>
/// <param name="Body">Plain text: number, priority, reason, a short preview, reply due, link.</param>
/// <param name="WebhookJson">A top-level <c>text</c> (what Slack and Teams show) plus the same facts as fields.</param>
public sealed record AlertContent(string Subject, string Body, string WebhookJson)
{
    /// <summary>Longest preview of the customer's words in an alert.</summary>
    public const int PreviewChars = 120;

    /// <summary>
    /// The alert of <paramref name="kind"/> for <paramref name="ticket"/>. Privacy rule: only the number, priority,
    /// category, reason, one cut line of the customer's latest message and a link; never the transcript, the customer's
    /// contact details or CRM record, or internal notes.
    /// </summary>
    public static AlertContent For(AlertKind kind, Ticket ticket, AlertOptions options, BusinessCalendar calendar)
    {
        var priority = ticket.Priority.ToString().ToLowerInvariant();
        var reason = TicketDesk.ReasonText(ticket.Reason);
        var preview = Preview(ticket);
        var link = options.TicketLink(ticket.Number);
        var due = calendar.Local(ticket.FirstResponseDue).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        var subject = $"[{ticket.Number}] {Headline(kind, ticket)}";
        var body = string.Join('\n',
            subject,
            "",
            $"Ticket:    {ticket.Number}",
            $"Priority:  {priority} ({ticket.Category})",
            $"Reason:    {reason}",
            $"Customer:  \"{preview}\"",
            $"Reply due: {due}",
            $"With:      {ticket.AssignedToName ?? "nobody yet"}",
            "",
            $"Open the ticket: {link}",
            "",
            "This alert leaves out the conversation and the customer's details; they are on the ticket page.");
        var json = JsonSerializer.Serialize(new
        {
            text = $"{subject}\n{priority}, {reason}: \"{preview}\"\n{link}",
            kind = KindName(kind),
            ticket = ticket.Number,
            priority,
            category = ticket.Category,
            reason,
            preview,
            replyDue = ticket.FirstResponseDue,
            assignedTo = ticket.AssignedToName,
            link,
        });
        return new AlertContent(subject, body, json);
    }

    /// <summary>The kind as written in webhook bodies and outbox ids: <c>new-ticket</c>, <c>urgent</c>, …</summary>
    public static string KindName(AlertKind kind) => kind switch
    {
        AlertKind.NewTicket => "new-ticket",
        AlertKind.Urgent => "urgent",
        AlertKind.Unclaimed => "unclaimed",
        AlertKind.UnclaimedToAdmins => "unclaimed-admins",
        _ => "customer-message",
    };

    /// <summary>The customer's latest words on one line, cut to <see cref="PreviewChars"/>.</summary>
    public static string Preview(Ticket ticket)
    {
        var last = ticket.Transcript.LastOrDefault(e => e.From == Speaker.Customer)?.Text ?? "";
        var line = string.Join(' ', last.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Names.Preview(line, PreviewChars);
    }

    private static string Headline(AlertKind kind, Ticket ticket) => kind switch
    {
        AlertKind.Urgent => "URGENT ticket: " + TicketDesk.ReasonText(ticket.Reason),
        AlertKind.Unclaimed => $"Nobody has taken this {ticket.Priority.ToString().ToLowerInvariant()} ticket yet",
        AlertKind.UnclaimedToAdmins => "Reply due and nobody has taken this ticket (admins)",
        AlertKind.CustomerMessage => "The customer wrote again on your ticket",
        _ => $"New {ticket.Priority.ToString().ToLowerInvariant()} ticket: {TicketDesk.ReasonText(ticket.Reason)}",
    };
}
