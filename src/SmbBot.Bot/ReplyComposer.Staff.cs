using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using SmbBot.Core.Tickets;

namespace SmbBot.Bot;

/// <summary>What the customer reads about the people on a ticket: who joined, their replies, the hand-back, the ticket's status.</summary>
public sealed partial class ReplyComposer
{
    /// <summary>Prefix of the <c>from.id</c> of a staff member's messages; the website shows their initials instead of the bot's.</summary>
    public const string StaffIdPrefix = "staff:";

    /// <summary>
    /// A staff member's message into the customer's chat. It comes from the person: <c>from</c> carries their id and
    /// name, with the role "bot" that Web Chat needs for anyone but the customer; the text names them too, for
    /// channels that show no names.
    /// </summary>
    public IMessageActivity StaffMessage(string staffId, string staffName, string text)
    {
        var message = MessageFactory.Text($"{staffName} ({business.Current.BusinessName} team): {text}");
        message.From = StaffAccount(staffId, staffName);
        message.ChannelData = new { smbbot = new { staff = staffName } };
        return message;
    }

    /// <summary>The customer is told a person has taken their ticket and the bot steps back.</summary>
    public IMessageActivity Joined(Ticket ticket, string staffName) => MessageFactory.Text(
        $"{staffName} from our team has joined the conversation and is looking at your request {ticket.Number}.");

    /// <summary>The account a staff member's messages come from.</summary>
    public static ChannelAccount StaffAccount(string staffId, string staffName) => new($"{StaffIdPrefix}{staffId}", staffName, RoleTypes.Bot);

    /// <summary>The bot takes the conversation back after staff resolved the ticket, and asks for a rating.</summary>
    public IMessageActivity HandBack(Ticket ticket, string staffName) => MessageFactory.SuggestedActions(
        new[] { "1", "2", "3", "4", "5" },
        $"{staffName} has marked your request {ticket.Number} as resolved, and I'm back to answer your questions. " +
        "How would you rate the help you got, from 1 (poor) to 5 (excellent)?", null, null);

    /// <summary>The answer to "any news on my ticket?": from the ticket only when it is the customer's own.</summary>
    public IMessageActivity TicketStatus((TicketStatusAnswer Answer, Ticket? Ticket) status) => status switch
    {
        (TicketStatusAnswer.Own, { } ticket) => MessageFactory.Text(StatusText(ticket)),
        (TicketStatusAnswer.NoneFound, _) => MessageFactory.SuggestedActions(new[] { TalkToPerson },
            "I can't find a ticket from this chat. If you'd like a person to help, tap \"Talk to a person\".", null, null),
        _ => MessageFactory.SuggestedActions(new[] { TalkToPerson },
            "I can only tell you about your own tickets: the ones opened in this chat, or on your account when you're signed in " +
            "on our website. For anything else, tap \"Talk to a person\".", null, null),
    };

    private string StatusText(Ticket ticket)
    {
        var opened = calendar.Local(ticket.CreatedAt).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
        var head = $"Your ticket {ticket.Number} (opened {opened})";
        if (!ticket.IsOpen)
        {
            var resolved = ticket.ResolvedAt is { } r ? $" on {calendar.Local(r).ToString("ddd d MMM", CultureInfo.InvariantCulture)}" : "";
            return $"{head} was {(ticket.Status == Core.Tickets.TicketStatus.Closed ? "closed" : "resolved")}{resolved}. If you still need help, tell me and I'll pass it on.";
        }
        var who = ticket.AssignedToName is { } name ? $"{name} from our team is looking after it." : "It's with our team, waiting for the next person free.";
        if (ticket.Status == Core.Tickets.TicketStatus.Pending) return $"{head} is open. {who} They're waiting for your answer: reply here.";
        if (ticket.FirstResponseAt is { } first)
            return $"{head} is open. {who} We first replied on {calendar.Local(first).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}.";
        return $"{head} is open. {who} {WillReply(ticket, ticket.AssignedToName is null ? "a person" : "they")}";
    }
}
