using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;

namespace SmbBot.Core.Tickets;

/// <summary>What a ticket is about, in one line for the queue: the customer's first real question, else the reason.</summary>
public static class TicketAbout
{
    /// <summary>
    /// The first customer message that asks something: not an e-mail address given when asked for one, not "skip", not
    /// the "Talk to a person" button. The reason ("asked for a person") when there is none.
    /// </summary>
    public static string Of(Ticket ticket, int max = 90)
    {
        var question = ticket.Transcript
            .Where(e => e.From == Speaker.Customer)
            .Select(e => string.Join(' ', e.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .FirstOrDefault(IsQuestion);
        return question is null ? TicketDesk.ReasonText(ticket.Reason) : Names.Preview(question, max);
    }

    private static bool IsQuestion(string text) =>
        text.Length > 0
        && !CustomerCsvLoader.IsEmail(text.Trim('.', ' ', '<', '>'))
        && !string.Equals(text, "skip", StringComparison.OrdinalIgnoreCase)
        && !string.Equals(text, ConversationFlow.TalkToPerson, StringComparison.OrdinalIgnoreCase);
}
