namespace SmbBot.Core.Conversations;

/// <summary>Who wrote a transcript entry.</summary>
public enum Speaker { Customer, Bot, Staff }

/// <summary>One message of a conversation, as the bot and the ticket keep it.</summary>
public sealed class TranscriptEntry
{
    public DateTime At { get; set; }
    public Speaker From { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Staff member's display name for staff entries.</summary>
    public string? Name { get; set; }

    /// <summary><c>email</c> for a customer's e-mailed answer; null for the chat.</summary>
    public string? Via { get; set; }

    /// <summary>The whole e-mail as written, quoted earlier text included, when <see cref="Text"/> was cut from it.</summary>
    public string? Original { get; set; }
}

/// <summary>An FAQ entry the bot answered with or offered.</summary>
public sealed class OfferedFaq
{
    public string FaqId { get; set; } = "";
    public string Question { get; set; } = "";
    public double Score { get; set; }
    /// <summary><c>answered</c> or <c>offered</c> (in a did-you-mean).</summary>
    public string How { get; set; } = "";
}

/// <summary>Why the bot handed the conversation to a person.</summary>
public enum EscalationReason
{
    /// <summary>The customer asked for a person.</summary>
    AskedForPerson,
    Complaint,
    /// <summary>The customer's own records: an order, an invoice, a booking.</summary>
    AccountRequest,
    /// <summary>Something urgent or unsafe.</summary>
    UrgentSafety,
    /// <summary>The bot could not find an answer, even after asking.</summary>
    NoAnswer,
}
