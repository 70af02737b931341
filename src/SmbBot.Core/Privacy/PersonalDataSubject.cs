namespace SmbBot.Core.Privacy;

/// <summary>
/// Whose data an export or an erasure is about: what the admin typed (an e-mail address, a CRM customer id or a chat
/// user id) and everything found to belong to the same person: the chat user ids and conversation ids of their tickets
/// and conversations.
/// </summary>
public sealed class PersonalDataSubject
{
    private PersonalDataSubject(string? email, string? customerId) => (Email, CustomerId) = (email, customerId);

    /// <summary>The e-mail address, lower-cased, or null.</summary>
    public string? Email { get; }

    /// <summary>The CRM customer id, or null.</summary>
    public string? CustomerId { get; }

    /// <summary>Chat user ids of this person.</summary>
    public HashSet<string> UserIds { get; } = new(StringComparer.Ordinal);

    /// <summary>Chat conversation ids of this person.</summary>
    public HashSet<string> ConversationIds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A subject from an admin's search: one value, read as an e-mail address when it has an @, otherwise as a CRM
    /// customer id and a chat user id. Null with a reason when the value cannot identify anyone.
    /// </summary>
    public static (PersonalDataSubject? Subject, string? Problem) From(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Length is < 3 or > 320) return (null, "enter the customer's e-mail address, CRM customer id or chat user id (3 to 320 characters)");
        if (text.Any(char.IsControl)) return (null, "the value contains control characters");
        if (text.Contains('@')) return (new PersonalDataSubject(text.ToLowerInvariant(), null), null);
        var subject = new PersonalDataSubject(null, text);
        subject.UserIds.Add(text);
        return (subject, null);
    }

    /// <summary>True when an e-mail address is this subject's.</summary>
    public bool HasEmail(string? email) => Email is not null && string.Equals(email?.Trim(), Email, StringComparison.OrdinalIgnoreCase);

    /// <summary>A one-way fingerprint of what was searched for, for the audit log (which keeps no personal data).</summary>
    public string Fingerprint() => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(Email ?? CustomerId ?? "")))[..16].ToLowerInvariant();
}
