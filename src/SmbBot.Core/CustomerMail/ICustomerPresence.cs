namespace SmbBot.Core.CustomerMail;

/// <summary>Whether the customer is looking at the chat: the website chat knows its open streams and recent polls.</summary>
public interface ICustomerPresence
{
    /// <summary>True while the customer's chat has a stream open or fetched messages moments ago.</summary>
    bool IsInChat(string channelId, string conversationId);

    /// <summary>True once the customer's chat has fetched the activity <paramref name="activityId"/>.</summary>
    bool HasShown(string channelId, string conversationId, string activityId);
}

/// <summary>What the bot does after a staff reply: e-mail it when the customer may not see it in the chat.</summary>
public interface ICustomerMail
{
    /// <summary>
    /// A staff reply was recorded on <paramref name="ticketId"/> and sent to the chat as <paramref name="chatActivityId"/>
    /// (null: the chat could not take it).
    /// </summary>
    void StaffReplied(int ticketId, string staffName, string reply, string? chatActivityId);
}

/// <summary>No customer e-mail (tools and tests without the host).</summary>
public sealed class NoCustomerMail : ICustomerMail
{
    public static readonly NoCustomerMail Instance = new();

    /// <inheritdoc/>
    public void StaffReplied(int ticketId, string staffName, string reply, string? chatActivityId) { }
}
