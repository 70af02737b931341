namespace SmbBot.Core.Alerts;

/// <summary>What staff are told about.</summary>
public enum AlertKind
{
    /// <summary>A ticket was opened.</summary>
    NewTicket,

    /// <summary>A ticket was opened as, or raised to, urgent: sent at once, and always to the admins.</summary>
    Urgent,

    /// <summary>Nobody has taken the ticket and a share of its reply time has passed.</summary>
    Unclaimed,

    /// <summary>Nobody has taken the ticket by the later share (the reply is due): the admins are told.</summary>
    UnclaimedToAdmins,

    /// <summary>The customer wrote again on a ticket someone has taken: its owner is told.</summary>
    CustomerMessage,
}

/// <summary>The alerts a staff member chose to get by e-mail at their own address.</summary>
public sealed class AlertChoices
{
    public bool NewTicket { get; set; }
    public bool Urgent { get; set; } = true;
    public bool Unclaimed { get; set; }

    /// <summary>Only for tickets the staff member has taken.</summary>
    public bool CustomerMessage { get; set; } = true;

    /// <summary>Whether this choice covers <paramref name="kind"/> (the admins' own alert is not a choice).</summary>
    public bool Wants(AlertKind kind) => kind switch
    {
        AlertKind.NewTicket => NewTicket,
        AlertKind.Urgent => Urgent,
        AlertKind.Unclaimed => Unclaimed,
        AlertKind.CustomerMessage => CustomerMessage,
        _ => false,
    };
}

/// <summary>A staff member as the alerts see them; <paramref name="Away"/> while their absence lasts.</summary>
public sealed record StaffRecipient(string Id, string Email, bool IsAdmin, bool Disabled, AlertChoices Choices, bool Away = false);
