using SmbBot.Core.Conversations;

namespace SmbBot.Core.Tickets;

/// <summary>What staff do to a ticket; every action is written to the ticket's history with who and when.</summary>
public sealed partial class TicketDesk
{
    /// <summary>Longest staff reply or note accepted.</summary>
    public const int MaxStaffText = 4000;

    /// <summary>Assigns the ticket to a staff member and opens it.</summary>
    public Ticket? Claim(int ticketId, string staffId, string staffName) => store.Change(ticketId, t =>
    {
        var now = Now();
        var before = t.AssignedToName;
        t.AssignedToId = staffId;
        t.AssignedToName = staffName;
        t.AutoAssignedAt = null;
        if (t.Status == TicketStatus.New) t.Status = TicketStatus.Open;
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "assigned", Actor = staffName, Detail = before is null ? $"claimed by {staffName}" : $"{before} -> {staffName}" });
    });

    /// <summary>Records a staff reply before it is sent to the customer's chat.</summary>
    public Ticket? AddStaffReply(int ticketId, string staffId, string staffName, string text) => store.Change(ticketId, t =>
    {
        var now = Now();
        t.Transcript.Add(new TranscriptEntry { At = now, From = Speaker.Staff, Name = staffName, Text = text });
        t.FirstResponseAt ??= now;
        // A reply takes a ticket nobody has taken, including one given automatically to someone who has not yet.
        if (t.AssignedToId is null || t.AutoAssignedAt is not null) (t.AssignedToId, t.AssignedToName) = (staffId, staffName);
        t.AutoAssignedAt = null;
        if (t.Status == TicketStatus.New) t.Status = TicketStatus.Open;
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "reply", Actor = staffName, Detail = "to the customer's chat" });
    });

    /// <summary>The chat could not take the staff reply just recorded: it is kept on the ticket.</summary>
    public Ticket? ReplyNotDelivered(int ticketId, string staffName) => store.Change(ticketId, t =>
    {
        var now = Now();
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "reply", Actor = staffName, Detail = "kept: the chat could not be reached; shown when the customer returns" });
    });

    /// <summary>Adds an internal note.</summary>
    public Ticket? AddNote(int ticketId, string staffName, string text) => store.Change(ticketId, t =>
    {
        var now = Now();
        t.Notes.Add(new TicketEvent { At = now, Kind = "note", Actor = staffName, Detail = text });
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "note", Actor = staffName, Detail = "internal note added" });
    });

    /// <summary>Changes the priority; the due times are counted again from the ticket's creation.</summary>
    public Ticket? SetPriority(int ticketId, TicketPriority priority, string staffName) => store.Change(ticketId, t =>
    {
        if (t.Priority == priority) return;
        var now = Now();
        var before = t.Priority;
        t.Priority = priority;
        (t.FirstResponseDue, t.ResolutionDue) = routing.DueTimes(priority, t.CreatedAt);
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "priority", Actor = staffName, Detail = $"{Name(before)} -> {Name(priority)}" });
    });

    /// <summary>Changes the status.</summary>
    public Ticket? SetStatus(int ticketId, TicketStatus status, string staffName) => store.Change(ticketId, t =>
    {
        if (t.Status == status) return;
        var now = Now();
        var before = t.Status;
        t.Status = status;
        if (status is TicketStatus.Resolved or TicketStatus.Closed) t.ResolvedAt ??= now;
        else t.ResolvedAt = null;
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "status", Actor = staffName, Detail = $"{Name(before)} -> {Name(status)}" });
    });

    /// <summary>Stores the customer's 1-5 rating.</summary>
    public Ticket? SetRating(int ticketId, int rating) => store.Change(ticketId, t =>
    {
        var now = Now();
        t.Rating = Math.Clamp(rating, 1, 5);
        t.UpdatedAt = now;
        t.History.Add(new TicketEvent { At = now, Kind = "rating", Actor = "customer", Detail = $"rated the help {t.Rating} of 5" });
    });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Name<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}
