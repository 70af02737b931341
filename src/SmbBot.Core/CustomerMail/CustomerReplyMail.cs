using System.Globalization;
using System.Text;
using SmbBot.Core.Conversations;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.CustomerMail;

/// <summary>The e-mail that carries a staff reply to a customer who is not in the chat.</summary>
public static class CustomerReplyMail
{
    /// <summary><c>[T-1042] Reply from Harbour &amp; Pine</c>: the number lets an answer find its ticket.</summary>
    public static string Subject(Ticket ticket, string businessName) => $"[{ticket.Number}] Reply from {businessName}";

    /// <summary>
    /// The reply, then the conversation so far in plain words, then how to answer. Only what the customer saw or wrote
    /// (customer, bot and staff messages): never internal notes, CRM notes or how the bot decided.
    /// </summary>
    public static string Body(Ticket ticket, string businessName, string staffName, string reply, BusinessCalendar calendar)
    {
        var text = new StringBuilder();
        text.Append(staffName).Append(" from ").Append(businessName).AppendLine(" wrote:").AppendLine().AppendLine(reply.Trim()).AppendLine();
        text.AppendLine($"To answer, reply to this e-mail (keep {ticket.Number} in the subject). Write \"stop\" alone to get no more e-mails about this request.");
        text.AppendLine().AppendLine($"--- Your conversation with {businessName} so far ({ticket.Number}) ---").AppendLine();
        if (ticket.TranscriptOmitted > 0) text.AppendLine($"({ticket.TranscriptOmitted} earlier messages left out)").AppendLine();
        foreach (var entry in ticket.Transcript)
        {
            var when = calendar.Local(entry.At).ToString("d MMM HH:mm", CultureInfo.InvariantCulture);
            text.Append(when).Append(' ').Append(Speaker(entry, businessName)).AppendLine(":");
            text.AppendLine(entry.Text.Trim()).AppendLine();
        }
        return text.ToString().TrimEnd() + "\n";
    }

    private static string Speaker(TranscriptEntry entry, string businessName) => entry.From switch
    {
        Conversations.Speaker.Customer => entry.Via == "email" ? "You (by e-mail)" : "You",
        Conversations.Speaker.Staff => $"{entry.Name ?? "Staff"} ({businessName})",
        _ => $"{businessName} assistant",
    };
}
