using SmbBot.Core.Tickets;

namespace SmbBot.Core.Alerts;

/// <summary>When an open ticket nobody took is alerted again, and when it goes to the admins.</summary>
public static class UnclaimedPolicy
{
    /// <summary>
    /// The unclaimed alerts due for <paramref name="ticket"/> at <paramref name="nowUtc"/>: none once it is taken or
    /// answered; <see cref="AlertKind.Unclaimed"/> after <c>RealertAt</c> of its reply time (creation to first-response
    /// due) and also <see cref="AlertKind.UnclaimedToAdmins"/> after <c>AdminsAt</c>.
    /// </summary>
    public static IReadOnlyList<AlertKind> Due(Ticket ticket, DateTime nowUtc, AlertOptions options)
    {
        if (!ticket.IsOpen || ticket.AssignedToId is not null || ticket.FirstResponseAt is not null) return [];
        var replyTime = ticket.FirstResponseDue - ticket.CreatedAt;
        if (replyTime <= TimeSpan.Zero) return [];
        var passed = nowUtc - ticket.CreatedAt;
        var due = new List<AlertKind>(2);
        if (passed >= replyTime * options.RealertAt) due.Add(AlertKind.Unclaimed);
        if (passed >= replyTime * options.AdminsAt) due.Add(AlertKind.UnclaimedToAdmins);
        return due;
    }
}
