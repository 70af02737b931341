using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SmbBot.Core.Conversations;
using SmbBot.Core.Languages;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.CustomerMail;

/// <summary>
/// The e-mail that carries a staff reply to a customer who is not in the chat, framed in the ticket's language when
/// <c>languages</c> (the texts of the knowledge in use) has it, in English otherwise.
/// </summary>
public static partial class CustomerReplyMail
{
    /// <summary><c>[T-1042] Reply from Harbour &amp; Pine</c>: the number lets an answer find its ticket.</summary>
    public static string Subject(Ticket ticket, string businessName, LanguageTexts? languages = null) =>
        Fill(Frame(ticket, languages).Subject, ticket, businessName);

    /// <summary>
    /// The reply, then how to answer, then the conversation so far in plain words. Only what the customer saw or wrote
    /// (customer, bot and staff messages): never internal notes, CRM notes or how the bot decided.
    /// </summary>
    public static string Body(Ticket ticket, string businessName, string staffName, string reply, BusinessCalendar calendar, LanguageTexts? languages = null)
    {
        var frame = Frame(ticket, languages);
        // Month names are English-only without ICU: another language gets the date in numbers.
        var dateFormat = ReferenceEquals(frame, MailTexts.English) ? "d MMM HH:mm" : "yyyy-MM-dd HH:mm";
        var text = new StringBuilder();
        text.AppendLine(Fill(frame.Wrote, ticket, businessName, staffName)).AppendLine().AppendLine(reply.Trim()).AppendLine();
        text.AppendLine(Fill(frame.HowToAnswer, ticket, businessName));
        text.AppendLine().AppendLine(Fill(frame.Conversation, ticket, businessName)).AppendLine();
        if (ticket.TranscriptOmitted > 0) text.AppendLine(Fill(frame.Omitted, ticket, businessName, count: ticket.TranscriptOmitted)).AppendLine();
        foreach (var entry in ticket.Transcript)
        {
            var when = calendar.Local(entry.At).ToString(dateFormat, CultureInfo.InvariantCulture);
            text.Append(when).Append(' ').Append(Speaker(entry, frame, ticket, businessName)).AppendLine(":");
            text.AppendLine(entry.Text.Trim()).AppendLine();
        }
        return text.ToString().TrimEnd() + "\n";
    }

    /// <summary>The ticket language's frame, each text it lacks in English; English itself for any other ticket.</summary>
    private static MailTexts Frame(Ticket ticket, LanguageTexts? languages) =>
        languages?.For(ticket.Language)?.Mail is { } mail ? mail.Over(MailTexts.English) : MailTexts.English;

    private static string Speaker(TranscriptEntry entry, MailTexts frame, Ticket ticket, string businessName) => entry.From switch
    {
        Conversations.Speaker.Customer => entry.Via == "email" ? frame.YouByEmail! : frame.You!,
        Conversations.Speaker.Staff => $"{entry.Name ?? "Staff"} ({businessName})",
        _ => Fill(frame.Assistant, ticket, businessName),
    };

    /// <summary>One pass over the placeholders, so a name that itself contains one is never filled in again.</summary>
    private static string Fill(string? text, Ticket ticket, string businessName, string? staffName = null, int count = 0) =>
        Placeholder().Replace(text ?? "", m => m.Groups[1].Value switch
        {
            "ticket" => ticket.Number,
            "business" => businessName,
            "staff" => staffName ?? "",
            "count" => count.ToString(CultureInfo.InvariantCulture),
            _ => m.Value,
        });

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
