using SmbBot.Core.Tickets;

namespace SmbBot.Core.Alerts;

/// <summary>When an open ticket nobody took is alerted again, and when it goes to the admins.</summary>
public static class UnclaimedPolicy
{
    /// <summary>
    /// The unclaimed alerts due for <paramref name="ticket"/> at <paramref name="nowUtc"/>: none once it is taken or
    /// answered (a ticket given to someone automatically counts as taken only once they take it);
    /// <see cref="AlertKind.Unclaimed"/> after <c>RealertAt</c> of its reply time (creation to first-response
    /// due) and also <see cref="AlertKind.UnclaimedToAdmins"/> after <c>AdminsAt</c>.
    /// </summary>
    public static IReadOnlyList<AlertKind> Due(Ticket ticket, DateTime nowUtc, AlertOptions options)
    {
        var autoAssigned = ticket.AutoAssignedAt is not null;
        if (!ticket.IsOpen || (ticket.AssignedToId is not null && !autoAssigned) || ticket.FirstResponseAt is not null) return [];
        var replyTime = ticket.FirstResponseDue - ticket.CreatedAt;
        if (replyTime <= TimeSpan.Zero) return [];
        var passed = nowUtc - ticket.CreatedAt;
        var due = new List<AlertKind>(2);
        // A ticket given to someone automatically moves on to the next team member at that share instead (ReassignPolicy).
        if (passed >= replyTime * options.RealertAt && !autoAssigned) due.Add(AlertKind.Unclaimed);
        if (passed >= replyTime * options.AdminsAt) due.Add(AlertKind.UnclaimedToAdmins);
        return due;
    }
}
