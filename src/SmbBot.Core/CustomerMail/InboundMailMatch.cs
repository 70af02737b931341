using System.Text.RegularExpressions;

namespace SmbBot.Core.CustomerMail;

/// <summary>Which ticket an incoming e-mail belongs to.</summary>
public static partial class InboundMailMatch
{
    /// <summary>
    /// The ticket: the one of a Message-ID we sent that the e-mail refers to (<paramref name="referencedTicket"/>),
    /// else the ticket numbered in the subject, but only when the sender is that ticket's customer
    /// (<paramref name="customerEmailsOf"/>), so nobody can add to a ticket by guessing its number. Null: no ticket.
    /// </summary>
    public static int? Decide(int? referencedTicket, string subject, string from, Func<int, IEnumerable<string?>> customerEmailsOf)
    {
        if (referencedTicket is { } referenced) return referenced;
        if (NumberIn(subject) is not { } id) return null;
        return customerEmailsOf(id).Any(e => !string.IsNullOrWhiteSpace(e) && string.Equals(e.Trim(), from.Trim(), StringComparison.OrdinalIgnoreCase)) ? id : null;
    }

    /// <summary>The ticket id of the first <c>T-1042</c> in <paramref name="subject"/>, or null.</summary>
    public static int? NumberIn(string subject) =>
        Number().Match(subject) is { Success: true } m ? Tickets.Ticket.IdFor(m.Value) : null;

    [GeneratedRegex(@"\bT-\d{4,9}\b", RegexOptions.IgnoreCase)]
    private static partial Regex Number();
}
