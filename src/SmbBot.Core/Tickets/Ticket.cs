using LiteDB;
using SmbBot.Core.Conversations;
using SmbBot.Core.Crm;

namespace SmbBot.Core.Tickets;

/// <summary>
/// A conversation a person must handle: everything a staff member needs without asking the customer again
/// (the handoff packet). Stored in LiteDB; <see cref="History"/> is append-only.
/// </summary>
public sealed class Ticket
{
    /// <summary>Sequence number assigned by the store; <see cref="Number"/> is derived from it.</summary>
    [BsonId] public int Id { get; set; }

    /// <summary>Short human-readable number, e.g. <c>T-1042</c>.</summary>
    [BsonIgnore] public string Number => NumberFor(Id);

    /// <summary>Sort key of the staff queue: open before closed, then priority, then first-response due time.</summary>
    public string QueueKey { get; set => field = value ?? ""; } = "";

    public TicketStatus Status { get; set; } = TicketStatus.New;
    public TicketPriority Priority { get; set; } = TicketPriority.Normal;
    public string Category { get; set => field = value ?? ""; } = "";
    public EscalationReason Reason { get; set; }

    /// <summary>The classifier's intent for the message that escalated, and its probability.</summary>
    public string Intent { get; set => field = value ?? ""; } = "";
    public double IntentConfidence { get; set; }

    /// <summary>Tone and urgency read from the customer's words.</summary>
    public CustomerSignal Signal { get; set; } = new();

    /// <summary>FAQ entries the bot already answered with or offered in this conversation.</summary>
    public List<OfferedFaq> FaqOffered { get; set; } = [];

    public List<TranscriptEntry> Transcript { get; set; } = [];

    /// <summary>Transcript entries left out because the conversation exceeded the cap.</summary>
    public int TranscriptOmitted { get; set; }

    /// <summary>The e-mail address the customer gave, if any.</summary>
    public string? CustomerEmail { get; set; }

    /// <summary>Snapshot of the CRM record when the customer was identified.</summary>
    public CustomerProfile? Customer { get; set; }

    public string ConversationId { get; set => field = value ?? ""; } = "";
    public string ChannelId { get; set => field = value ?? ""; } = "";
    public string UserId { get; set => field = value ?? ""; } = "";

    /// <summary>
    /// The Bot Framework conversation reference, as JSON, needed to reply to the customer later. Never in the ticket API
    /// or an export: its service URL carries the key of the chat channel's connector endpoint.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string ConversationReference { get; set => field = value ?? ""; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime FirstResponseDue { get; set; }
    public DateTime ResolutionDue { get; set; }

    public List<TicketEvent> History { get; set; } = [];

    /// <summary>The staff member handling the ticket (their account id and display name), if claimed.</summary>
    public string? AssignedToId { get; set; }
    public string? AssignedToName { get; set; }

    /// <summary>The team the ticket was routed or moved to (its id and name at the time); empty when none.</summary>
    public string TeamId { get; set => field = value ?? ""; } = ""; // LiteDB stores "" as null
    public string TeamName { get; set => field = value ?? ""; } = "";

    /// <summary>
    /// When the ticket was given to <see cref="AssignedToId"/> automatically; null once that person (or anyone) takes or
    /// answers it. While set, the ticket moves on to the next team member if it waits too long.
    /// </summary>
    public DateTime? AutoAssignedAt { get; set; }

    /// <summary>The routing rule that placed the ticket, and why, in the words staff read.</summary>
    public string RoutedBy { get; set => field = value ?? ""; } = "";
    public string RoutingWhy { get; set => field = value ?? ""; } = "";

    /// <summary>Labels added by routing rules.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>The customer's language (ISO 639-1, e.g. <c>es</c>) as the bot read it when the ticket opened; empty on older tickets.</summary>
    public string Language { get; set => field = value ?? ""; } = "";

    /// <summary>When a person first answered the customer.</summary>
    public DateTime? FirstResponseAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>The customer's 1-5 rating of the help they got, asked when the ticket is resolved.</summary>
    public int? Rating { get; set; }

    /// <summary>The customer asked for no more e-mails about this ticket ("stop" or "unsubscribe").</summary>
    public bool EmailStopped { get; set; }

    /// <summary>Keys of the customer's e-mails already on the ticket (their Message-IDs), so none is added twice.</summary>
    public List<string> ReceivedMailIds { get; set; } = [];

    /// <summary>Internal notes: staff only, never shown to the customer.</summary>
    public List<TicketEvent> Notes { get; set; } = [];

    /// <summary>True while the ticket needs staff attention.</summary>
    public bool IsOpen => Status is TicketStatus.New or TicketStatus.Open or TicketStatus.Pending;

    /// <summary>The number a sequence id is shown as.</summary>
    public static string NumberFor(int id) => $"T-{1000 + id}";

    /// <summary>The sequence id of a number such as <c>T-1042</c> (case-insensitive), or null.</summary>
    public static int? IdFor(string? number) =>
        number is { Length: > 2 } && number.StartsWith("T-", StringComparison.OrdinalIgnoreCase)
        && int.TryParse(number.AsSpan(2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
        && n > 1000 ? n - 1000 : null;
}

public enum TicketStatus { New, Open, Pending, Resolved, Closed }

/// <summary>Priorities, most urgent first (the queue sorts by this value).</summary>
public enum TicketPriority { Urgent = 0, High = 1, Normal = 2, Low = 3 }

public sealed class TicketEvent
{
    public DateTime At { get; set; }
    /// <summary><c>created</c>, <c>message</c>, <c>reply</c>, <c>status</c>, <c>priority</c>, <c>customer</c>, <c>assigned</c>, <c>note</c>, <c>rating</c>.</summary>
    public string Kind { get; set; } = "";
    /// <summary><c>bot</c>, <c>customer</c>, or a staff member's name.</summary>
    public string Actor { get; set; } = "";
    public string Detail { get; set; } = "";
}
