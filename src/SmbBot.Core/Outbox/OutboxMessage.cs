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

    /// <summary>The e-mail's Message-ID (without angle brackets) when it must be known again: a customer's answer refers to it.</summary>
    public string? MessageId { get; set; }

    /// <summary>The Message-ID this e-mail answers, so mail programs thread it.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>Earlier Message-IDs of the thread, space-separated, without angle brackets.</summary>
    public string? References { get; set; }

    /// <summary>The chat activity this e-mail repeats: not needed when the customer's chat has shown it by send time.</summary>
    public string? ChatActivityId { get; set; }

    /// <summary>Why the message was not sent after all (the customer read the reply in the chat, asked for no e-mail, …).</summary>
    public string? NotNeeded { get; set; }

    /// <summary>Waiting after at least one failure, or given up.</summary>
    [BsonIgnore] public bool Failing => SentAt is null && NotNeeded is null && Attempts > 0;

    /// <summary>A message to the customer (not a staff alert).</summary>
    [BsonIgnore] public bool ToCustomer => Kind?.StartsWith(CustomerKindPrefix, StringComparison.Ordinal) == true;

    /// <summary>Kinds of messages to customers start with this.</summary>
    public const string CustomerKindPrefix = "customer:";
}
