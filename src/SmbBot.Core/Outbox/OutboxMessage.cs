using LiteDB;

namespace SmbBot.Core.Outbox;

/// <summary>How an outbox message leaves.</summary>
public enum OutboxChannel { Email, Webhook }

/// <summary>
/// A message waiting to leave (collection <c>outbox</c>): a staff alert today, a customer e-mail later. Its id says
/// what it is for, so queuing the same thing twice keeps one.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>E.g. <c>T-1001/urgent/h1/email/desk@example.com</c>.</summary>
    [BsonId] public string Id { get; set; } = "";

    public OutboxChannel Channel { get; set; }

    /// <summary>What it is, e.g. <c>alert:urgent</c>.</summary>
    public string Kind { get; set; } = "";

    public int? TicketId { get; set; }

    /// <summary>The chat conversation of the ticket, so a customer's data request finds the messages about them.</summary>
    public string ConversationId { get; set; } = "";

    /// <summary>The e-mail address; empty for the webhook, whose address comes from the settings at send time.</summary>
    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    /// <summary>Plain text (e-mail) or the JSON body (webhook).</summary>
    public string Body { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>Not sent before this time (set after each failure, growing).</summary>
    public DateTime NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public DateTime? LastAttemptAt { get; set; }

    /// <summary>The last failure in words, without addresses' secrets or passwords.</summary>
    public string? LastError { get; set; }

    /// <summary>When the server (SMTP or webhook) accepted it.</summary>
    public DateTime? SentAt { get; set; }

    /// <summary>Tried the most times allowed; kept for staff to see.</summary>
    public bool GaveUp { get; set; }

    /// <summary>Waiting after at least one failure, or given up.</summary>
    [BsonIgnore] public bool Failing => SentAt is null && Attempts > 0;
}
