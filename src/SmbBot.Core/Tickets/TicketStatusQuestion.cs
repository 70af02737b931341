using System.Text.RegularExpressions;

namespace SmbBot.Core.Tickets;

/// <summary>A customer asking how their ticket is getting on ("any news on T-1001?", "what's happening with my ticket?").</summary>
/// <param name="Number">The ticket number named in the question, or null for "my ticket".</param>
public sealed partial record TicketStatusQuestion(string? Number)
{
    /// <summary>The question in <paramref name="text"/>, or null when the text asks something else.</summary>
    public static TicketStatusQuestion? Read(string text)
    {
        var number = TicketNumber().Match(text) is { Success: true } m ? $"T-{m.Groups[1].Value}" : null;
        if (number is not null && (StatusWords().IsMatch(text) || text.Trim().Length <= number.Length + 1))
            return new TicketStatusQuestion(number);
        if (number is null && MyTicket().IsMatch(text) && StatusWords().IsMatch(text))
            return new TicketStatusQuestion(Number: null);
        return null;
    }

    [GeneratedRegex(@"\bT-?(\d{4,9})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TicketNumber();

    [GeneratedRegex(@"\b(my|the|our)\s+(ticket|request|case|complaint)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MyTicket();

    [GeneratedRegex(@"\b(news|status|update|updates|progress|happening|happened|going on|where is|where's|how is|how's|heard|any word|check on|checking on|still open|when will)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusWords();
}

/// <summary>What the customer may be told in answer to a status question.</summary>
public enum TicketStatusAnswer
{
    /// <summary>The ticket is theirs: tell its status, who has it and when a reply is due.</summary>
    Own,
    /// <summary>No such ticket, or someone else's: the same answer, so a guessed number tells nothing.</summary>
    NotYours,
    /// <summary>They asked about "my ticket" and this chat and customer have none.</summary>
    NoneFound,
}

/// <summary>Whose ticket a status question may be answered from.</summary>
public static class TicketStatusPolicy
{
    /// <summary>
    /// The answer for <paramref name="ticket"/> (the one asked about, or null when none was found) asked from
    /// <paramref name="conversationId"/> by the customer the website vouched for as <paramref name="verifiedCustomerId"/>
    /// (null when anonymous). Only a ticket of this conversation or of this verified customer is told; an e-mail address
    /// typed into a chat proves nothing, so it never counts.
    /// </summary>
    public static TicketStatusAnswer Decide(TicketStatusQuestion question, Ticket? ticket, string conversationId, string? verifiedCustomerId)
    {
        if (ticket is null) return question.Number is null ? TicketStatusAnswer.NoneFound : TicketStatusAnswer.NotYours;
        var own = ticket.ConversationId == conversationId
            || (!string.IsNullOrEmpty(verifiedCustomerId) && ticket.Customer?.Id == verifiedCustomerId);
        return own ? TicketStatusAnswer.Own : TicketStatusAnswer.NotYours;
    }
}
