using SmbBot.Core.Conversations;

namespace SmbBot.Core.Tickets;

public sealed partial class TicketDesk
{
    /// <summary>
    /// Carries out what the conversation flow asked for, in order, for <paramref name="conversation"/> (whose
    /// transcript a new ticket starts with). Returns the ticket last changed, or null when there was nothing to do.
    /// </summary>
    public Ticket? Perform(IEnumerable<TicketCommand> commands, ConversationRecord conversation)
    {
        Ticket? last = null;
        foreach (var command in commands)
        {
            last = command switch
            {
                OpenTicket open => Open(conversation, open.Reason, open.Decision),
                AddToTicket add => AddMessage(add.TicketId, add.Entry),
                RaiseTicketToUrgent raise => RaiseToUrgent(raise.TicketId),
                SetTicketEmail email => SetEmail(email.TicketId, email.Email),
                RateTicket rate => SetRating(rate.TicketId, rate.Rating),
                _ => throw new ArgumentOutOfRangeException(nameof(commands), command.GetType().Name, "unknown ticket command"),
            } ?? last;
        }
        return last;
    }
}
