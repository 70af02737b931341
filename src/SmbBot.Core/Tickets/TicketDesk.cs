using SmbBot.Core.Alerts;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;
using SmbBot.Core.Routing;

namespace SmbBot.Core.Tickets;

/// <summary>
/// Opens tickets from conversations and keeps them up to date: routing, CRM context, transcript, history. Right after a
/// change staff must hear of (a new or urgent ticket, a customer's message on a taken ticket) is written, it is
/// reported to <paramref name="alerts"/>.
/// </summary>
public sealed partial class TicketDesk(ITicketStore store, TicketRouting routing, ICustomerDirectory crm, EscalationOptions options, TimeProvider clock, ITicketAlerts alerts,
    Teams.TicketAssigner? assigner = null)
{
    /// <summary>Entries always kept from the start of a capped transcript (the customer's first words matter).</summary>
    private const int KeepFirst = 10;

    /// <summary>The routing rules in use.</summary>
    public TicketRouting Routing => routing;

    /// <summary>
    /// Opens a ticket for <paramref name="conversation"/>, with its transcript so far. When the conversation already has
    /// an open ticket that its record does not name (a host was killed after writing the ticket and before writing the
    /// conversation, so the customer was never told), the customer's last message is added to that ticket instead and
    /// it is returned (raised to urgent for an urgent reason), as the conversation flow does with an open ticket: one
    /// hand-over, one ticket.
    /// </summary>
    public Ticket Open(ConversationRecord conversation, EscalationReason reason, TurnDecision decision)
    {
        if (store.Latest(conversation.Id, null) is { IsOpen: true } lost && lost.ConversationId == conversation.Id)
            return Reopened(lost, conversation, reason);
        var now = clock.GetUtcNow().UtcDateTime;
        var customer = Identify(conversation.CustomerId, conversation.Email);
        var (category, priority, firstDue, resolutionDue) = routing.Route(reason, customer?.Tier, now);
        var ticket = new Ticket
        {
            Status = TicketStatus.New,
            Priority = priority,
            Category = category,
            Reason = reason,
            Intent = decision.Intent.Intent,
            IntentConfidence = Math.Round(decision.Intent.Confidence, 4),
            Language = decision.Language,
            FaqOffered = conversation.Offered.ToList(),
            TranscriptOmitted = conversation.TranscriptOmitted,
            ConversationId = conversation.Id,
            ChannelId = conversation.ChannelId,
            UserId = conversation.UserId,
            ConversationReference = conversation.Reference,
            CustomerEmail = conversation.Email,
            Customer = customer,
            CreatedAt = now,
            UpdatedAt = now,
            FirstResponseDue = firstDue,
            ResolutionDue = resolutionDue,
        };
        foreach (var entry in conversation.Transcript) AddCapped(ticket, entry);
        ticket.Signal = CustomerSignalReader.Read(CustomerTexts(ticket), reason == EscalationReason.UrgentSafety);
        ticket.History.Add(new TicketEvent { At = now, Kind = "created", Actor = "bot", Detail = $"{ReasonText(reason)}; {category}, {priority.ToString().ToLowerInvariant()}" });
        if (assigner is not null)
        {
            assigner.Route(ticket, now, p => routing.DueTimes(p, now));
            // Only a rule that did something is history; a ticket left in everyone's queue shows the reason on its page.
            if (ticket.RoutedBy != Teams.TicketRules.Default.Name || ticket.TeamId.Length > 0 || ticket.AssignedToId is not null)
                ticket.History.Add(new TicketEvent { At = now, Kind = "routed", Actor = "bot", Detail = ticket.RoutingWhy });
        }
        var created = store.Create(ticket);
        Alert(created, created.Priority == TicketPriority.Urgent ? AlertKind.Urgent : AlertKind.NewTicket);
        return created;
    }

    private Ticket Reopened(Ticket lost, ConversationRecord conversation, EscalationReason reason)
    {
        var ticket = (conversation.Transcript.Count > 0 ? AddMessage(lost.Id, conversation.Transcript[^1]) : null) ?? lost;
        return (reason == EscalationReason.UrgentSafety ? RaiseToUrgent(lost.Id) : null) ?? ticket;
    }

    /// <summary>Adds a message to the ticket's transcript (customer messages also refresh the tone reading).</summary>
    public Ticket? AddMessage(int ticketId, TranscriptEntry entry)
    {
        var ticket = store.Change(ticketId, t =>
        {
            AddCapped(t, entry);
            t.UpdatedAt = entry.At;
            if (entry.From == Speaker.Customer)
            {
                t.Signal = CustomerSignalReader.Read(CustomerTexts(t), t.Signal.Urgent);
                t.History.Add(new TicketEvent { At = entry.At, Kind = "message", Actor = "customer", Detail = Names.Preview(entry.Text, 80) });
            }
        });
        if (ticket is { AssignedToId: not null, IsOpen: true } && entry.From == Speaker.Customer) Alert(ticket, AlertKind.CustomerMessage);
        return ticket;
    }

    /// <summary>Raises a ticket to urgent (the customer reported danger while it was open) and restarts its clock.</summary>
    public Ticket? RaiseToUrgent(int ticketId)
    {
        var raised = false;
        var ticket = store.Change(ticketId, t =>
        {
            if (t.Priority == TicketPriority.Urgent) return;
            var now = clock.GetUtcNow().UtcDateTime;
            var before = t.Priority;
            t.Priority = TicketPriority.Urgent;
            (t.FirstResponseDue, t.ResolutionDue) = routing.DueTimes(TicketPriority.Urgent, now);
            t.Signal.Urgent = true;
            t.UpdatedAt = now;
            t.History.Add(new TicketEvent { At = now, Kind = "priority", Actor = "bot", Detail = $"{before.ToString().ToLowerInvariant()} -> urgent: the customer reported an urgent or unsafe situation" });
            raised = true;
        });
        if (raised) Alert(ticket!, AlertKind.Urgent);
        return ticket;
    }

    /// <summary>Reports the change just written; the occasion is its history entry, so a repeat report queues nothing new.</summary>
    private void Alert(Ticket ticket, AlertKind kind) => alerts.Raise(ticket, kind, $"h{ticket.History.Count}");

    /// <summary>Records the e-mail address the customer gave and links the CRM record with it, if there is one.</summary>
    public Ticket? SetEmail(int ticketId, string email)
    {
        var rerouted = false;
        var ticket = store.Change(ticketId, t =>
        {
            var known = t.Customer is not null;
            Identify(t, email);
            rerouted = !known && t.Customer is not null && Reroute(t);
        });
        if (rerouted && ticket is { IsOpen: true }) Alert(ticket, ticket.Priority == TicketPriority.Urgent ? AlertKind.Urgent : AlertKind.NewTicket);
        return ticket;
    }

    /// <summary>
    /// Routes a ticket again once its customer is known (rules may look at the CRM tier and fields), unless staff have
    /// taken or moved it; true when its team or person changed.
    /// </summary>
    private bool Reroute(Ticket t)
    {
        if (assigner is null || (t.AssignedToId is not null && t.AutoAssignedAt is null) || t.History.Any(h => h.Kind == "moved")) return false;
        var (team, person) = (t.TeamId, t.AssignedToId);
        var now = clock.GetUtcNow().UtcDateTime;
        assigner.Route(t, now, p => routing.DueTimes(p, t.CreatedAt));
        if (t.TeamId == team && t.AssignedToId == person) return false;
        t.History.Add(new TicketEvent { At = now, Kind = "routed", Actor = "bot", Detail = $"customer identified: {t.RoutingWhy}" });
        return true;
    }

    private void Identify(Ticket t, string email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        t.CustomerEmail = email;
        t.Customer ??= crm.FindByEmail(email);
        t.UpdatedAt = now;
        // A customer identified only now may be of a tier the business serves first, unless staff set the priority.
        var (_, opened, _, _) = routing.Route(t.Reason, null, t.CreatedAt);
        var (_, priority, firstDue, resolutionDue) = routing.Route(t.Reason, t.Customer?.Tier, t.CreatedAt);
        if (t.Customer is not null && t.Priority == opened && priority < t.Priority)
        {
            t.History.Add(new TicketEvent { At = now, Kind = "priority", Actor = "bot", Detail = $"{t.Priority.ToString().ToLowerInvariant()} -> {priority.ToString().ToLowerInvariant()}: CRM tier {t.Customer!.Tier}" });
            (t.Priority, t.FirstResponseDue, t.ResolutionDue) = (priority, firstDue, resolutionDue);
        }
        t.History.Add(new TicketEvent
        {
            At = now, Kind = "customer", Actor = "customer",
            Detail = t.Customer is { } c ? $"gave {email}: CRM customer {c.Id}" : $"gave {email}: no CRM record",
        });
    }

    /// <summary>The ticket, if it is still open.</summary>
    public Ticket? OpenTicket(int? id) => id is { } i && store.Get(i) is { IsOpen: true } t ? t : null;

    private Crm.CustomerProfile? Identify(string? customerId, string? email) =>
        (customerId is null ? null : crm.FindById(customerId)) ?? (email is null ? null : crm.FindByEmail(email));

    private void AddCapped(Ticket ticket, TranscriptEntry entry)
    {
        ticket.Transcript.Add(entry);
        if (ticket.Transcript.Count > options.MaxTranscriptEntries)
        {
            ticket.Transcript.RemoveAt(KeepFirst);
            ticket.TranscriptOmitted++;
        }
    }

    private static IEnumerable<string> CustomerTexts(Ticket t) => t.Transcript.Where(e => e.From == Speaker.Customer).Select(e => e.Text);

    /// <summary>The reason in the words staff read.</summary>
    public static string ReasonText(EscalationReason reason) => reason switch
    {
        EscalationReason.AskedForPerson => "the customer asked for a person",
        EscalationReason.Complaint => "complaint",
        EscalationReason.AccountRequest => "needs the customer's own records",
        EscalationReason.UrgentSafety => "urgent or unsafe situation",
        _ => "the bot found no answer, even after asking",
    };
}
