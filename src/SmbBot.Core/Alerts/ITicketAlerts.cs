using SmbBot.Core.Tickets;

namespace SmbBot.Core.Alerts;

/// <summary>Where the ticket desk reports what staff must be told; the host queues it in the outbox.</summary>
public interface ITicketAlerts
{
    /// <summary>
    /// Queues the alert <paramref name="kind"/> for <paramref name="ticket"/> as it is now. <paramref name="occasion"/>
    /// names the change it is about (the same occasion twice queues it once), e.g. the ticket's history entry.
    /// </summary>
    void Raise(Ticket ticket, AlertKind kind, string occasion);
}

/// <summary>No alerts (tools and tests that do not need them).</summary>
public sealed class NoTicketAlerts : ITicketAlerts
{
    public static readonly NoTicketAlerts Instance = new();

    /// <inheritdoc/>
    public void Raise(Ticket ticket, AlertKind kind, string occasion) { }
}
