using SmbBot.Core.Alerts;
using SmbBot.Core.Tickets;

namespace SmbBot.Core.Teams;

/// <summary>When a ticket given to someone automatically, who has not taken it, goes to the next member of its team.</summary>
public static class ReassignPolicy
{
    /// <summary>
    /// True when <paramref name="ticket"/> was assigned automatically, is open, nobody has answered or taken it, and
    /// <c>Alerts:RealertAt</c> of its reply time (the same share as the unclaimed alert) has passed since that assignment.
    /// </summary>
    public static bool Due(Ticket ticket, DateTime nowUtc, AlertOptions options)
    {
        if (!ticket.IsOpen || ticket.AutoAssignedAt is not { } assignedAt || ticket.FirstResponseAt is not null) return false;
        var replyTime = ticket.FirstResponseDue - ticket.CreatedAt;
        return replyTime > TimeSpan.Zero && nowUtc - assignedAt >= replyTime * options.RealertAt;
    }
}
