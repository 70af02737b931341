using SmbBot.Core.Tickets;

namespace SmbBot.Core.Alerts;

/// <summary>Who gets an alert: a pure function of its kind, the ticket, the staff and the shared addresses.</summary>
public static class AlertRecipients
{
    /// <summary>
    /// The e-mail addresses for <paramref name="kind"/> on <paramref name="ticket"/>. A routed ticket's new-ticket,
    /// urgent and unclaimed alerts go to its assigned person, else to the members of its team who are not away
    /// (<paramref name="team"/>: their ids), whatever they chose; urgent also to the admins. Otherwise (no team, or
    /// nobody of it on duty): the shared <c>Alerts:Email:To</c> (not for a customer's message, which only its owner
    /// gets), staff who chose the kind, and the admins for urgent tickets and tickets still unclaimed when due.
    /// Disabled accounts get nothing; each address once.
    /// </summary>
    public static IReadOnlyList<string> Emails(AlertKind kind, Ticket ticket, IEnumerable<StaffRecipient> staff, IEnumerable<string> shared,
        IReadOnlyCollection<string>? team = null)
    {
        var active = staff.Where(s => !s.Disabled).ToArray();
        var routed = kind is AlertKind.NewTicket or AlertKind.Urgent or AlertKind.Unclaimed ? Routed(kind, ticket, active, team ?? []) : [];
        IEnumerable<string> chosen = kind switch
        {
            AlertKind.CustomerMessage => active.Where(s => s.Id == ticket.AssignedToId && s.Choices.CustomerMessage).Select(s => s.Email),
            AlertKind.UnclaimedToAdmins => active.Where(s => s.IsAdmin).Select(s => s.Email),
            AlertKind.Urgent when routed.Count > 0 => routed.Concat(active.Where(s => s.IsAdmin).Select(s => s.Email)),
            _ when routed.Count > 0 => routed,
            AlertKind.Urgent => shared.Concat(active.Where(s => s.IsAdmin || s.Choices.Urgent).Select(s => s.Email)),
            _ => shared.Concat(active.Where(s => s.Choices.Wants(kind)).Select(s => s.Email)),
        };
        return chosen.Select(e => e.Trim().ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToArray();
    }

    /// <summary>Whether the webhook (a team channel) hears of <paramref name="kind"/>: all but a customer's message to its owner.</summary>
    public static bool ToWebhook(AlertKind kind) => kind != AlertKind.CustomerMessage;

    /// <summary>The assigned person (not for an unclaimed alert: they are the one who has not taken it), else the team on duty.</summary>
    private static IReadOnlyList<string> Routed(AlertKind kind, Ticket ticket, StaffRecipient[] active, IReadOnlyCollection<string> team)
    {
        if (kind != AlertKind.Unclaimed && active.FirstOrDefault(s => s.Id == ticket.AssignedToId) is { } owner) return [owner.Email];
        if (ticket.TeamId.Length == 0) return [];
        return active.Where(s => team.Contains(s.Id) && !s.Away && s.Id != ticket.AssignedToId).Select(s => s.Email).ToArray();
    }
}
